package finance_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

// The dates and counts data/rates.json promises in DefaultRates' doc.
func TestDefaultRatesContents(t *testing.T) {
	t.Parallel()
	all := finance.DefaultRates().All()
	perDay := map[string]int{}
	for _, r := range all {
		perDay[r.Date().Format("2006-01-02")]++
		src := r.Source()
		if err := src.Validate(); err != nil || src.Title == "" || src.Date == "" || src.Note == "" {
			t.Errorf("rate %v: incomplete source %+v (%v)", r, src, err)
		}
		if !strings.Contains(src.Note, "[DERIVED]") && (src.Publisher == "" || src.URL == "") {
			t.Errorf("rate %v: official source without publisher or URL: %+v", r, src)
		}
		if r.IsDerived() {
			t.Errorf("rate %v is derived", r)
		}
	}
	want := map[string]int{
		"2022-02-04": 34, "2022-03-15": 34, "2022-07-23": 34, "2024-11-09": 43, // complete XML_daily files
		"2022-02-25": 1, "2022-02-26": 1, "2022-03-01": 1, "2022-03-02": 1, "2022-03-10": 1, "2022-03-11": 1,
		"2022-10-25": 3, "2022-12-27": 3, "2022-12-29": 1, "2022-12-30": 1, "2022-12-31": 1,
		"2023-02-07": 3, "2023-03-01": 3,
		"2023-06-01": 2, // the article's implied USD and GBP
	}
	if diff := cmp.Diff(want, perDay); diff != "" {
		t.Errorf("rates per day mismatch (-want +got):\n%s", diff)
	}
}

func TestDefaultRatesConversions(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	tests := []struct {
		name string
		to   finance.Currency
		on   time.Time
		want string
	}{
		{"CBR 25.02.2022", finance.USD, date(2022, 2, 25), "13804400842.99 USD"},                          // bc: 1.2e12/86.9288
		{"24.02.2022 falls back to 04.02.2022", finance.USD, date(2022, 2, 24), "15655556874.68 USD"},     // bc: 1.2e12/76.6501
		{"GBP on 30.12.2022 uses 23.07.2022", finance.GBP, date(2022, 12, 30), "17501411051.27 GBP"},      // bc: 1.2e12/68.5659
		{"article, USD", finance.USD, date(2023, 6, 1), "15000000000.00 USD"},                             // hand: 1.2e12/80
		{"article, GBP", finance.GBP, date(2023, 6, 1), "12000000000.00 GBP"},                             // hand: 1.2e12/100
		{"08.11.2024 still uses the article's USD", finance.USD, date(2024, 11, 8), "15000000000.00 USD"}, // hand: 1.2e12/80, as the doc warns
		{"09.11.2024 file", finance.USD, date(2024, 11, 9), "12265737196.36 USD"},                         // Python decimal: 1.2e12/97.8335 = 12265737196.3575…
	}
	for _, tt := range tests {
		got, err := rates.Convert(roubles, tt.to, tt.on)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s: Convert = %v, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	// The doc's remedy for the stale article rates: a MaxAge refuses them.
	if _, err := rates.ConvertWith(roubles, finance.USD, date(2024, 11, 8), finance.FindOptions{MaxAge: 30}); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("USD on 08.11.2024 within 30 days: %v, want ErrNoRate", err)
	}
	// XDR has no ISO minor unit, so a conversion rounds to whole SDRs.
	// CBR 09.11.2024: 129.6529 RUB per XDR; 1000/129.6529 = 7.7129… → 8.
	if got, err := rates.Convert(finance.MustParseAmount("1000 RUB"), finance.MustParseCurrency("XDR"), date(2024, 11, 9)); err != nil || got.String() != "8 XDR" {
		t.Errorf("Convert(1000 RUB, XDR) = %v, %v; want 8 XDR", got, err)
	}
	r, err := rates.Find(finance.RUB, finance.USD, date(2023, 6, 1))
	if err != nil || !strings.Contains(r.Sources()[0].Note, "[DERIVED]") {
		t.Errorf("2023-06-01 rate %v should come from the article's implied source: %v", r, err)
	}
	// The implied rates cite the BBC piece the article follows, and say that
	// the article's own publisher and URL are unknown (task brief, issue 3).
	src := r.Sources()[0]
	for _, want := range []string{"BBC News", "4 June 2023", "world-europe-65790759",
		"https://www.allviewnews.com/2023/06/04/why-are-people-leaving-russia-who-are-they-and-where-are-they-going/",
		"own publisher and URL are not known"} {
		if !strings.Contains(src.Note, want) {
			t.Errorf("article-implied source Note lacks %q: %q", want, src.Note)
		}
	}
	if src.Publisher != "" || src.URL != "" {
		t.Errorf("article-implied source names a publisher or URL that is not known: %+v", src)
	}
	if _, err := rates.Convert(roubles, finance.USD, date(2022, 2, 3)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("before the first file: %v, want ErrNoRate", err)
	}
}

// The embedded 09.11.2024 file is the sample in testdata.
func TestDefaultRatesMatchSample(t *testing.T) {
	t.Parallel()
	sample, err := finance.ParseCBR(bytes.NewReader(readFile(t, sample2024)))
	if err != nil {
		t.Fatal(err)
	}
	want := rateMap(sample)
	got := map[string]string{}
	for k, v := range rateMap(finance.DefaultRates().All()) {
		if strings.HasSuffix(k, "2024-11-09") {
			got[k] = v
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("embedded 09.11.2024 mismatch (-sample +embedded):\n%s", diff)
	}
}

func TestDefaultRatesIndependent(t *testing.T) {
	t.Parallel()
	a, b := finance.DefaultRates(), finance.DefaultRates()
	r := mustRate(t, finance.JPY, finance.RUB, "0.5", date(2031, 1, 1), cbrSource)
	if err := a.Add(r); err != nil {
		t.Fatal(err)
	}
	if a.Len() != b.Len()+1 {
		t.Errorf("Len %d and %d: tables share state", a.Len(), b.Len())
	}
}
