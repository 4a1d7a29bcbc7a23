package finance_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// The dates and counts data/rates.json promises in DefaultRates' doc, and
// the basis of each (issue 9, must-have 1 and 4: official where a CBR file
// or export is among the sources, reported where only copies are).
func TestDefaultRatesContents(t *testing.T) {
	t.Parallel()
	all := finance.DefaultRates().All()
	perDay := map[string]int{}
	basis := map[string]string{} // "2022-02-05 GBP": "reported"
	for _, r := range all {
		d := r.Date().Format("2006-01-02")
		perDay[d]++
		src := r.Source()
		if err := src.Validate(); err != nil || src.Publisher == "" || src.Title == "" || src.URL == "" || src.Date == "" || src.Note == "" {
			t.Errorf("rate %v: incomplete source %+v (%v)", r, src, err)
		}
		if !r.IsQuoted() {
			t.Errorf("rate %v is computed", r)
		}
		switch b := r.Basis(); b {
		case finance.Official, finance.Reported:
			if d < "2022-03-03" && d != "2022-02-04" {
				basis[d+" "+r.Base().Code()] = b.String()
			}
		default:
			t.Errorf("rate %v has basis %v in DefaultRates", r, b)
		}
		// The Note's mark agrees with the basis.
		if mark := map[finance.Basis]string{finance.Official: "[OFF]"}[r.Basis()]; mark != "" && !strings.HasPrefix(src.Note, mark) {
			t.Errorf("rate %v: official, but its Note starts %.10q", r, src.Note)
		}
		if r.Basis() == finance.Reported && strings.HasPrefix(src.Note, "[OFF]") {
			t.Errorf("rate %v: reported, but its Note says [OFF]", r)
		}
	}
	// cbr-feb-2022.md §1: 19 February rate dates, then 01.03 and 02.03; 04.02
	// is in the complete daily file.
	feb := []string{"01", "02", "03", "05", "08", "09", "10", "11", "12", "15", "16", "17", "18", "19", "22", "23", "25", "26"}
	want := map[string]int{
		"2022-02-04": 34, "2022-03-15": 34, "2022-07-23": 34, "2024-11-09": 43, // complete XML_daily files
		"2022-03-01": 4, "2022-03-02": 4,
		"2022-03-10": 1, "2022-03-11": 1,
		"2022-10-25": 3, "2022-12-27": 3, "2022-12-29": 1, "2022-12-30": 1, "2022-12-31": 1,
		"2023-02-07": 3, "2023-03-01": 3,
	}
	wantBasis := map[string]string{}
	for _, d := range append(feb, "x01", "x02") {
		day := "2022-02-" + d
		if d[0] == 'x' {
			day = "2022-03-" + d[1:]
		}
		want[day] = 4
		// cbr-feb-2022.md §2: USD has the CBR's Excel export (K), EUR its CSV
		// exports (L); GBP and CNY only copies (F, J).
		wantBasis[day+" USD"], wantBasis[day+" EUR"] = "official", "official"
		wantBasis[day+" GBP"], wantBasis[day+" CNY"] = "reported", "reported"
	}
	if diff := cmp.Diff(want, perDay); diff != "" {
		t.Errorf("rates per day mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantBasis, basis); diff != "" {
		t.Errorf("basis of February 2022 mismatch (-want +got):\n%s", diff)
	}
}

// Every value of cbr-feb-2022.md §2, typed from the table (USD, EUR, GBP,
// CNY per 1 unit), is embedded, and the 04.02 daily file agrees with it.
func TestDefaultRatesFebruary2022(t *testing.T) {
	t.Parallel()
	table := `01.02 77,4702 86,5032 104,1432 12,1789
02.02 77,1302 86,7869 103,9175 12,1255
03.02 76,4849 86,2826 103,5988 12,0240
04.02 76,6501 86,5610 103,8762 12,0500
05.02 76,0509 87,1163 103,2771 11,9558
08.02 75,6806 86,5181 102,4640 11,9028
09.02 75,3042 85,8920 101,8791 11,8243
10.02 74,8015 85,3784 101,4608 11,7592
11.02 74,7241 85,3798 101,2736 11,7502
12.02 74,9867 85,3574 101,6295 11,7915
15.02 76,5762 86,8451 103,4621 12,0416
16.02 76,1660 86,2656 103,2887 11,9988
17.02 75,0141 85,3060 101,6891 11,8410
18.02 75,7527 86,1308 102,8494 11,9516
19.02 75,7619 86,1489 103,2786 11,9751
22.02 76,7671 87,3379 104,6259 12,1208
23.02 80,4194 90,8820 109,2015 12,6927
25.02 86,9288 97,7688 117,1539 13,7485
26.02 83,5485 93,5994 111,8213 13,2325
01.03 93,5589 104,4772 125,0415 14,8243
02.03 91,7457 102,9112 123,1411 14,5340`
	rates := finance.DefaultRates()
	for line := range strings.Lines(table) {
		f := strings.Fields(line)
		on, err := time.Parse("02.01.2006", f[0]+".2022")
		if err != nil {
			t.Fatal(err)
		}
		for i, cur := range []finance.Currency{finance.USD, finance.EUR, finance.GBP, finance.CNY} {
			want := decimal.RequireFromString(strings.ReplaceAll(f[i+1], ",", "."))
			r, err := rates.FindWith(cur, finance.RUB, on, finance.FindOptions{MaxAge: -1})
			if err != nil || !r.IsQuoted() || !r.Decimal().Equal(want) {
				t.Errorf("%v on %s: %v, %v; want %s", cur, f[0], r, err, want)
			}
		}
	}
}

// issue 9, found 1 and 2: the defaults hold no derived rate and refuse a
// stale one, and every conversion says its basis.
func TestDefaultRatesConversions(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	tests := []struct {
		name  string
		to    finance.Currency
		on    time.Time
		want  string
		date  time.Time
		basis finance.Basis
	}{
		{"CBR 25.02.2022", finance.USD, date(2022, 2, 25), "13804400842.99 USD", date(2022, 2, 25), finance.Official},                      // bc: 1.2e12/86.9288
		{"24.02.2022 uses 23.02.2022", finance.USD, date(2022, 2, 24), "14921772607.11 USD", date(2022, 2, 23), finance.Official},          // bc: 1.2e12/80.4194 = 14921772607.107…
		{"GBP 25.02.2022", finance.GBP, date(2022, 2, 25), "10242936854.86 GBP", date(2022, 2, 25), finance.Reported},                      // bc: 1.2e12/117.1539 = 10242936854.855…
		{"GBP on 05.08.2022 uses 23.07.2022", finance.GBP, date(2022, 8, 5), "17501411051.27 GBP", date(2022, 7, 23), finance.Official},    // bc: 1.2e12/68.5659, 13 days old
		{"USD 14 days after 01.03.2023", finance.USD, date(2023, 3, 15), "16022816490.68 USD", date(2023, 3, 1), finance.Reported},         // bc: 1.2e12/74.8932 = 16022816490.682…
		{"05.03.2022: 03-05.03 are not embedded", finance.USD, date(2022, 3, 5), "13079632069.95 USD", date(2022, 3, 2), finance.Official}, // bc: 1.2e12/91.7457 = 13079632069.9498…; as DefaultRates' doc warns
		{"09.11.2024 file", finance.USD, date(2024, 11, 9), "12265737196.36 USD", date(2024, 11, 9), finance.Official},                     // Python decimal: 1.2e12/97.8335 = 12265737196.3575…
	}
	for _, tt := range tests {
		c, err := rates.Exchange(roubles, tt.to, tt.on)
		if err != nil || c.To.String() != tt.want || !c.Rate.Date().Equal(tt.date) || c.Basis() != tt.basis {
			t.Errorf("%s: Exchange = %v, %v; want %s at a rate of %s, %v", tt.name, c, err, tt.want, tt.date.Format(time.DateOnly), tt.basis)
		}
	}
	// Refused by default: older than DefaultMaxAge (14 days), or no rate.
	for _, tt := range []struct {
		to     finance.Currency
		on     time.Time
		latest time.Time
	}{
		{finance.USD, date(2024, 1, 15), date(2023, 3, 1)},   // issue 9 found 1: was the derived 80 RUB/USD, 228 days old
		{finance.USD, date(2023, 6, 1), date(2023, 3, 1)},    // the article's date: no official rate
		{finance.GBP, date(2023, 6, 1), date(2022, 7, 23)},   //
		{finance.GBP, date(2022, 12, 30), date(2022, 7, 23)}, // was the 23.07.2022 rate, 160 days old
		{finance.USD, date(2023, 3, 16), date(2023, 3, 1)},   // 15 days
		{finance.USD, date(2024, 11, 8), date(2023, 3, 1)},   // was the article's USD
		{finance.USD, date(2022, 1, 31), time.Time{}},        // before the first rate
	} {
		_, err := rates.Convert(roubles, tt.to, tt.on)
		var re *finance.RateError
		if !errors.As(err, &re) || !re.Latest.Equal(tt.latest) || re.MaxAge != finance.DefaultMaxAge {
			t.Errorf("Convert(%v on %s) error %v; want a *RateError with Latest %s, MaxAge %d", tt.to, tt.on.Format(time.DateOnly), err, tt.latest.Format(time.DateOnly), finance.DefaultMaxAge)
		}
	}
	// The explicit option accepts any age, and the result says how old.
	c, err := rates.ExchangeWith(roubles, finance.USD, date(2024, 1, 15), finance.FindOptions{AnyAge: true})
	if err != nil || c.To.String() != "16022816490.68 USD" || c.Age() != 320 || c.Basis() != finance.Reported { // bc: 1.2e12/74.8932; hand: 2023-03-01 to 2024-01-15 = 306+14 = 320 days
		t.Errorf("AnyAge on 2024-01-15: %v, %v (age %d)", c, err, c.Age())
	}
	// XDR has no ISO minor unit, so a conversion rounds to whole SDRs.
	// CBR 09.11.2024: 129.6529 RUB per XDR; 1000/129.6529 = 7.7129… → 8.
	if got, err := rates.Convert(finance.MustParseAmount("1000 RUB"), finance.MustParseCurrency("XDR"), date(2024, 11, 9)); err != nil || got.String() != "8 XDR" {
		t.Errorf("Convert(1000 RUB, XDR) = %v, %v; want 8 XDR", got, err)
	}
}

// issue 9, must-have 2: the article's implied rates live in their own
// table, derived, with the source text they had.
func TestArticleRates(t *testing.T) {
	t.Parallel()
	rates := finance.ArticleRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	for _, tt := range []struct {
		to   finance.Currency
		want string
	}{
		{finance.USD, "15000000000.00 USD"}, // hand: 1.2e12/80
		{finance.GBP, "12000000000.00 GBP"}, // hand: 1.2e12/100
	} {
		c, err := rates.Exchange(roubles, tt.to, date(2023, 6, 1))
		if err != nil || c.To.String() != tt.want || c.Basis() != finance.Derived {
			t.Errorf("ArticleRates %v: %v, %v; want %s, derived", tt.to, c, err, tt.want)
		}
	}
	if n := rates.Len(); n != 2 {
		t.Errorf("ArticleRates has %d rates, want 2", n)
	}
	for _, r := range rates.All() {
		src := r.Source()
		if r.Basis() != finance.Derived || !strings.HasPrefix(src.Note, "[DERIVED]") {
			t.Errorf("article rate %v: basis %v, note %.20q", r, r.Basis(), src.Note)
		}
		// The implied rates cite the BBC piece the article follows, and say
		// that the article's own publisher and URL are unknown.
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
	}
	// No rate of DefaultRates is the article's.
	for _, r := range finance.DefaultRates().All() {
		if strings.Contains(r.Source().Note, "[DERIVED]") {
			t.Errorf("DefaultRates holds %v from %v", r, r.Source())
		}
	}
}

// issue 9, found 7 and must-have 10: the dates of the rate citations.
func TestDefaultRatesCitations(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	for _, tt := range []struct {
		cur       finance.Currency
		on        time.Time
		publisher string
		date      string
	}{
		{finance.USD, date(2022, 3, 11), "Banki.ru", "2022-03-11"},               // issue 9 found 7: not 2022-03-10
		{finance.USD, date(2023, 3, 1), "Bankstoday", "2023-03-01"},              // issue 9 found 7: not 2023-02-28
		{finance.USD, date(2022, 2, 25), "Central Bank of Russia", "2022-03-01"}, // the last of the series was set on 01.03.2022
	} {
		r, err := rates.FindWith(tt.cur, finance.RUB, tt.on, finance.FindOptions{MaxAge: -1})
		if err != nil || r.Source().Publisher != tt.publisher || r.Source().Date != tt.date {
			t.Errorf("%v on %s: source %+v, %v; want %s, %s", tt.cur, tt.on.Format(time.DateOnly), r.Source(), err, tt.publisher, tt.date)
		}
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
