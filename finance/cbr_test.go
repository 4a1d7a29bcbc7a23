package finance_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

const sample2024 = "testdata/XML_daily_2024-11-09.cp1251.xml"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rateMap(rates []finance.Rate) map[string]string {
	m := make(map[string]string, len(rates))
	for _, r := range rates {
		m[r.Base().Code()+"/"+r.Quote().Code()+" "+r.Date().Format("2006-01-02")] = r.Decimal().String()
	}
	return m
}

// The CBR file of 09.11.2024 lists 43 currencies; values per unit are the
// file's Value / Nominal, which the file itself states as VunitRate.
func TestParseCBRDaily2024(t *testing.T) {
	t.Parallel()
	rates, err := finance.ParseCBR(bytes.NewReader(readFile(t, sample2024)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rates) != 43 {
		t.Fatalf("got %d rates, want 43", len(rates))
	}
	got := rateMap(rates)
	want := map[string]string{ // file: Value / Nominal
		"USD/RUB 2024-11-09": "97.8335",    // Nominal 1
		"EUR/RUB 2024-11-09": "105.451",    // 105,4510 / 1
		"AMD/RUB 2024-11-09": "0.252558",   // 25,2558 / 100
		"VND/RUB 2024-11-09": "0.00402972", // 40,2972 / 10000
		"KRW/RUB 2024-11-09": "0.069926",   // 69,9260 / 1000
		"JPY/RUB 2024-11-09": "0.638808",   // 63,8808 / 100
		"CNY/RUB 2024-11-09": "13.594",     // 13,5940 / 1
		"XDR/RUB 2024-11-09": "129.6529",   // 129,6529 / 1
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	for _, r := range rates {
		if r.Quote() != finance.RUB || r.Source().Publisher != "Central Bank of Russia" ||
			r.Source().URL != "https://www.cbr.ru/scripts/XML_daily.asp?date_req=09/11/2024" {
			t.Errorf("rate %v: quote %v, source %v", r, r.Quote(), r.Source())
		}
	}
	// The UTF-8 copy of the same response still declares windows-1251, so it
	// is decoded as such: names are garbled, numbers are ASCII and the same.
	utf8, err := finance.ParseCBR(bytes.NewReader(readFile(t, "testdata/XML_daily_2024-11-09.utf8.xml")))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, rateMap(utf8)); diff != "" {
		t.Errorf("UTF-8 copy mismatch (-cp1251 +utf8):\n%s", diff)
	}
}

// XML_dynamic: one currency, named by its CBR ID, over a range of dates.
func TestParseCBRDynamic(t *testing.T) {
	t.Parallel()
	rates, err := finance.ParseCBR(bytes.NewReader(readFile(t, "testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml")))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"USD/RUB 2022-02-25": "86.9288", "USD/RUB 2022-02-26": "83.5485"}
	if diff := cmp.Diff(want, rateMap(rates)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if u := rates[0].Source().URL; !strings.Contains(u, "XML_dynamic.asp?date_req1=24/02/2022&date_req2=01/03/2022&VAL_NM_RQ=R01235") {
		t.Errorf("source URL %q", u)
	}
	// Newer responses add VunitRate; CNY was quoted per 10 yuan on
	// 23.07.2022 (85,8282 in the daily file of that date).
	newer := `<?xml version="1.0" encoding="windows-1251"?><ValCurs ID="R01375" DateRange1="23.07.2022" DateRange2="23.07.2022" name="Foreign Currency Market Dynamic"><Record Date="23.07.2022" Id="R01375"><Nominal>10</Nominal><Value>85,8282</Value><VunitRate>8,58282</VunitRate></Record></ValCurs>`
	rates, err = finance.ParseCBR(strings.NewReader(newer))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"CNY/RUB 2022-07-23": "8.58282"}, rateMap(rates)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestParseCBRErrors(t *testing.T) {
	t.Parallel()
	sample := string(readFile(t, sample2024))
	valute := func(code, nominal, value, extra string) string {
		return `<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="09.11.2024" name="Foreign Currency Market"><Valute ID="R01235"><NumCode>840</NumCode><CharCode>` +
			code + `</CharCode><Nominal>` + nominal + `</Nominal><Name>x</Name><Value>` + value + `</Value>` + extra + `</Valute></ValCurs>`
	}
	tests := map[string]string{
		"empty":              "",
		"not XML":            "hello",
		"truncated":          sample[:len(sample)/2],
		"cut at the end":     sample[:len(sample)-3],
		"wrong root":         `<Other Date="09.11.2024"></Other>`,
		"no rates":           `<ValCurs Date="09.11.2024" name="Foreign Currency Market"></ValCurs>`,
		"content after root": sample + "<ValCurs/>",
		"bad date":           strings.Replace(sample, `Date="09.11.2024"`, `Date="2024-11-09"`, 1),
		"no date":            strings.Replace(sample, `Date="09.11.2024"`, ``, 1),
		"unknown currency":   valute("XYZ", "1", "1,0", ""),
		"RUB itself":         valute("RUB", "1", "1,0", ""),
		"zero nominal":       valute("USD", "0", "97,8335", ""),
		"bad nominal":        valute("USD", "ten", "97,8335", ""),
		"negative value":     valute("USD", "1", "-97,8335", ""),
		"zero value":         valute("USD", "1", "0,0000", ""),
		"two commas":         valute("USD", "1", "97,83,35", ""),
		"empty value":        valute("USD", "1", "", ""),
		"exponent":           valute("USD", "1", "9e7", ""),
		"NaN":                valute("USD", "1", "NaN", ""),
		"VunitRate differs":  valute("USD", "100", "97,8335", "<VunitRate>97,8335</VunitRate>"),
		"twice":              strings.Replace(sample, "<CharCode>AUD</CharCode>", "<CharCode>USD</CharCode>", 1),
		"unknown ID":         `<ValCurs ID="R99999" DateRange1="01.01.2022" DateRange2="02.01.2022"><Record Date="01.01.2022" Id="R99999"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"Id mismatch":        `<ValCurs ID="R01235" DateRange1="01.01.2022" DateRange2="02.01.2022"><Record Date="01.01.2022" Id="R01239"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"record twice":       `<ValCurs ID="R01235" DateRange1="01.01.2022" DateRange2="02.01.2022"><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"no date range":      `<ValCurs ID="R01235"><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"bad date range":     `<ValCurs ID="R01235" DateRange1="01.01.2022" DateRange2="2022-01-02"><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"reversed range":     `<ValCurs ID="R01235" DateRange1="02.01.2022" DateRange2="01.01.2022"><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"record outside":     `<ValCurs ID="R01235" DateRange1="01.01.2022" DateRange2="02.01.2022"><Record Date="03.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"bad record date":    `<ValCurs ID="R01235" DateRange1="01.01.2022" DateRange2="02.01.2022"><Record Date="1/1/2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"huge value":         valute("USD", "1", "1e400", ""),
		"negative nominal":   valute("USD", "-1", "97,8335", ""),
		"huge nominal":       valute("USD", "100000000000000000000", "97,8335", ""),
		"Infinity":           valute("USD", "1", "Infinity", ""),
		"VunitRate NaN":      valute("USD", "1", "97,8335", "<VunitRate>NaN</VunitRate>"),
		"two VunitRates":     valute("USD", "1", "97,8335", "<VunitRate>97,8335</VunitRate><VunitRate>97,8335</VunitRate>"),
		"no CharCode":        strings.Replace(valute("USD", "1", "97,8335", ""), "<CharCode>USD</CharCode>", "", 1),
		"entity":             valute("USD", "1", "&x;", ""),
		"both kinds":         `<ValCurs Date="01.01.2022" ID="R01235"><Valute ID="R01235"><CharCode>USD</CharCode><Nominal>1</Nominal><Value>1,0</Value></Valute><Record Date="01.01.2022"><Nominal>1</Nominal><Value>1,0</Value></Record></ValCurs>`,
		"unknown encoding":   `<?xml version="1.0" encoding="koi8-r"?><ValCurs Date="09.11.2024"></ValCurs>`,
		"two values":         valute("USD", "1", "97,8335", "<Value>1,0</Value>"),
		"no value":           strings.Replace(valute("USD", "1", "97,8335", ""), "<Value>97,8335</Value>", "", 1),
		"no nominal":         strings.Replace(valute("USD", "1", "97,8335", ""), "<Nominal>1</Nominal>", "", 1),
		"doctype":            `<!DOCTYPE ValCurs [<!ENTITY x "1">]><ValCurs Date="09.11.2024"></ValCurs>`,
		"mismatched tags":    `<ValCurs Date="09.11.2024"><Valute></ValCurs></Valute>`,
		"too deep":           "<ValCurs>" + strings.Repeat("<a>", 20) + strings.Repeat("</a>", 20) + "</ValCurs>",
		"two roots":          `<ValCurs Date="09.11.2024"></ValCurs><ValCurs Date="09.11.2024"></ValCurs>`,
		"text after root":    sample + "junk",
	}
	for name, in := range tests {
		rates, err := finance.ParseCBR(strings.NewReader(in))
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("%s: ParseCBR = %d rates, %v; want ErrFormat", name, len(rates), err)
		}
	}
}

// A reader that never ends must not exhaust memory.
func TestParseCBRTooLarge(t *testing.T) {
	t.Parallel()
	_, err := finance.ParseCBR(io.MultiReader(strings.NewReader("<ValCurs>"), endless{}))
	if !errors.Is(err, finance.ErrFormat) {
		t.Errorf("ParseCBR of an endless reader: %v, want ErrFormat", err)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

var errDiskOnFire = errors.New("disk on fire")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDiskOnFire }

// The reader's own error comes back wrapped, for errors.Is.
func TestParseReadError(t *testing.T) {
	t.Parallel()
	if _, err := finance.ParseCBR(failingReader{}); !errors.Is(err, errDiskOnFire) {
		t.Errorf("ParseCBR read error: %v, want the reader's error", err)
	}
	if _, err := finance.ParseECB(failingReader{}); !errors.Is(err, errDiskOnFire) {
		t.Errorf("ParseECB read error: %v, want the reader's error", err)
	}
}

func FuzzParseCBR(f *testing.F) {
	f.Add(readFile(f, sample2024))
	f.Add(readFile(f, "testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml"))
	f.Add([]byte(`<ValCurs Date="09.11.2024"><Valute ID="R01060"><CharCode>AMD</CharCode><Nominal>100</Nominal><Value>25,2558</Value><VunitRate>0,252558</VunitRate></Valute></ValCurs>`))
	f.Add([]byte(`<ValCurs ID="R01235" DateRange1="24.02.2022" DateRange2="01.03.2022"><Record Date="25.02.2022" Id="R01235"><Nominal>1</Nominal><Value>86,9288</Value></Record></ValCurs>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rates, err := finance.ParseCBR(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, finance.ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		if len(rates) == 0 {
			t.Fatal("no rates and no error")
		}
		for _, r := range rates {
			if r.Quote() != finance.RUB || r.Base() == finance.RUB || r.Decimal().Sign() <= 0 || r.Date().IsZero() {
				t.Fatalf("bad rate %v", r)
			}
		}
		if _, err := finance.NewRates(rates...); err != nil {
			t.Fatalf("NewRates of parsed rates: %v", err)
		}
	})
}

// The CBR quotes per 1, 10, 100, 1000 or 10000 units: Nominal is a power of
// ten, and Value/Nominal is then exact. Any other Nominal is refused with an
// error naming it (finding 4: Nominal 3 gave the inexact 28.9762666666666667).
func TestParseCBRNominal(t *testing.T) {
	t.Parallel()
	valute := func(nominal, value string) string {
		return `<ValCurs Date="09.11.2024"><Valute ID="R01060"><CharCode>AMD</CharCode><Nominal>` + nominal +
			`</Nominal><Value>` + value + `</Value></Valute></ValCurs>`
	}
	for _, tt := range []struct{ nominal, value, want string }{
		{"1", "0,2532", "0.2532"},
		{"10", "2,5320", "0.2532"},      // hand: 2.5320/10
		{"100", "25,3200", "0.2532"},    // hand: 25.3200/100
		{"1000", "253,2", "0.2532"},     // hand: 253.2/1000
		{"10000", "2532", "0.2532"},     // hand: 2532/10000
		{"1000000", "1,5", "0.0000015"}, // hand: 1.5/10^6; a larger power of ten is still exact
	} {
		rates, err := finance.ParseCBR(strings.NewReader(valute(tt.nominal, tt.value)))
		if err != nil || len(rates) != 1 {
			t.Errorf("Nominal %s: ParseCBR = %v, %v", tt.nominal, rates, err)
			continue
		}
		if got := rates[0].Decimal().String(); got != tt.want {
			t.Errorf("Nominal %s, Value %s: rate %s, want %s", tt.nominal, tt.value, got, tt.want)
		}
	}
	for _, nominal := range []string{"3", "20", "11", "1001", "0", "-10", "ten", "1e3", "10.0"} {
		_, err := finance.ParseCBR(strings.NewReader(valute(nominal, "86,9288")))
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("Nominal %q: error %v, want ErrFormat", nominal, err)
			continue
		}
		if !strings.Contains(err.Error(), "Nominal "+strconv.Quote(nominal)) {
			t.Errorf("Nominal %q: error %q does not name the value", nominal, err)
		}
	}
}
