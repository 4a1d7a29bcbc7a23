package finance_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

const ecbSample = "testdata/eurofxref-sample.xml"

func TestParseECB(t *testing.T) {
	t.Parallel()
	rates, err := finance.ParseECB(bytes.NewReader(readFile(t, ecbSample)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // ECB eurofxref-hist, as listed in testdata/README.md
		"EUR/USD 2022-03-11": "1.099", "EUR/GBP 2022-03-11": "0.8397", "EUR/CNY 2022-03-11": "6.9633",
		"EUR/USD 2022-03-01": "1.1162", "EUR/GBP 2022-03-01": "0.8329", "EUR/RUB 2022-03-01": "117.201", "EUR/CNY 2022-03-01": "7.0462",
		"EUR/USD 2022-02-24": "1.1163", "EUR/GBP 2022-02-24": "0.83463", "EUR/RUB 2022-02-24": "95.7175", "EUR/CNY 2022-02-24": "7.0601",
	}
	if diff := cmp.Diff(want, rateMap(rates)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if s := rates[0].Source(); s.Publisher != "European Central Bank" || s.Date != "2022-03-11" {
		t.Errorf("source %v", s)
	}

	table, err := finance.NewRates(rates...)
	if err != nil {
		t.Fatal(err)
	}
	// Crossed through EUR. bc: 1000*95.7175/1.1163 = 85745.3193…
	rub, err := table.Convert(finance.MustParseAmount("1000 USD"), finance.RUB, date(2022, 2, 24))
	if err != nil || rub.String() != "85745.32 RUB" {
		t.Errorf("Convert = %v, %v; want 85745.32 RUB", rub, err)
	}
	// The ECB published no RUB after 1 March 2022: on 11 March the latest is
	// the 1 March rate, and a same-day rate does not exist.
	if r, err := table.Find(finance.EUR, finance.RUB, date(2022, 3, 11)); err != nil || r.Decimal().String() != "117.201" {
		t.Errorf("Find EUR/RUB 2022-03-11 = %v, %v", r, err)
	}
	if _, err := table.FindWith(finance.EUR, finance.RUB, date(2022, 3, 11), finance.FindOptions{MaxAge: -1}); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("same-day EUR/RUB on 2022-03-11: %v, want ErrNoRate", err)
	}
}

// eurofxref-hist.xml lists currencies since withdrawn, such as CYP (the
// euro conversion rate, 0.585274 CYP per EUR, fixed by the Council of the
// EU in 2007).
func TestParseECBWithdrawnCurrency(t *testing.T) {
	t.Parallel()
	in := `<Envelope><Cube><Cube time='2007-12-31'><Cube currency='CYP' rate='0.585274'/></Cube></Cube></Envelope>`
	rates, err := finance.ParseECB(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"EUR/CYP 2007-12-31": "0.585274"}, rateMap(rates)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseECBErrors(t *testing.T) {
	t.Parallel()
	sample := string(readFile(t, ecbSample))
	day := func(cubes string) string {
		return `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time='2022-02-24'>` + cubes + `</Cube></Cube></gesmes:Envelope>`
	}
	tests := map[string]string{
		"empty":             "",
		"not XML":           "{}",
		"truncated":         sample[:len(sample)/2],
		"no days":           `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"><Cube></Cube></gesmes:Envelope>`,
		"empty day":         day(""),
		"bad date":          strings.Replace(sample, "2022-03-11", "11.03.2022", 1),
		"day twice":         strings.Replace(sample, "2022-03-11", "2022-03-01", 1),
		"unknown currency":  day(`<Cube currency='XYZ' rate='1.5'/>`),
		"EUR per EUR":       day(`<Cube currency='EUR' rate='1'/>`),
		"negative":          day(`<Cube currency='USD' rate='-1.1'/>`),
		"zero":              day(`<Cube currency='USD' rate='0'/>`),
		"comma":             day(`<Cube currency='USD' rate='1,1'/>`),
		"exponent":          day(`<Cube currency='USD' rate='1e1'/>`),
		"currency twice":    day(`<Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/>`),
		"content after end": sample + "<x/>",
	}
	for name, in := range tests {
		rates, err := finance.ParseECB(strings.NewReader(in))
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("%s: ParseECB = %d rates, %v; want ErrFormat", name, len(rates), err)
		}
	}
}

func FuzzParseECB(f *testing.F) {
	f.Add(readFile(f, ecbSample))
	f.Add([]byte(`<Envelope><Cube><Cube time='2024-11-08'><Cube currency='USD' rate='1.0798'/></Cube></Cube></Envelope>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rates, err := finance.ParseECB(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, finance.ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for _, r := range rates {
			if r.Base() != finance.EUR || r.Quote() == finance.EUR || r.Decimal().Sign() <= 0 {
				t.Fatalf("bad rate %v", r)
			}
		}
		if _, err := finance.NewRates(rates...); err != nil {
			t.Fatalf("NewRates of parsed rates: %v", err)
		}
	})
}
