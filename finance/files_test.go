package finance_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
)

// ParseRates gives exactly what the parser for the file's kind gives.
func TestParseRates(t *testing.T) {
	t.Parallel()
	// An ECB file that mentions ValCurs, as a file might in a comment or a
	// subject: the kind comes from the root element, not from the text.
	ecbMentioningCBR := strings.Replace(string(readFile(t, ecbSample)), "<gesmes:subject>Reference rates</gesmes:subject>",
		"<!-- not a CBR <ValCurs> file --><gesmes:subject>Reference rates, ValCurs</gesmes:subject>", 1)
	tests := []struct {
		name string
		data []byte
		kind func(io.Reader) ([]finance.Rate, error)
		n    int // the number of rates in the file, counted by hand
	}{
		{"CBR daily, windows-1251", readFile(t, sample2024), finance.ParseCBR, 43},
		{"CBR daily, UTF-8", readFile(t, "testdata/XML_daily_2024-11-09.utf8.xml"), finance.ParseCBR, 43},
		{"CBR dynamic", readFile(t, "testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml"), finance.ParseCBR, 2},
		{"ECB", readFile(t, ecbSample), finance.ParseECB, 11},
		{"ECB mentioning ValCurs", []byte(ecbMentioningCBR), finance.ParseECB, 11},
	}
	for _, tt := range tests {
		got, err := finance.ParseRates(bytes.NewReader(tt.data))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		want, err := tt.kind(bytes.NewReader(tt.data))
		if err != nil {
			t.Fatalf("%s: the file's own parser: %v", tt.name, err)
		}
		if len(got) != tt.n || !equalRates(want, got) {
			t.Errorf("%s: ParseRates = %d rates %v, want the %d of the file's own parser", tt.name, len(got), got, tt.n)
		}
	}
}

func equalRates(a, b []finance.Rate) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

func TestParseRatesErrors(t *testing.T) {
	t.Parallel()
	cbr, ecb := string(readFile(t, sample2024)), string(readFile(t, ecbSample))
	tests := map[string]io.Reader{
		"empty":                 strings.NewReader(""),
		"not XML":               strings.NewReader("Date,USD,JPY\n2022-02-24,1.1163,129.3\n"),
		"JSON":                  strings.NewReader(`{"ValCurs": 1}`),
		"other root":            strings.NewReader(`<rates><rate currency="USD" value="1.1"/></rates>`),
		"truncated CBR":         strings.NewReader(cbr[:len(cbr)/2]),
		"truncated ECB":         strings.NewReader(ecb[:len(ecb)-20]),
		"CBR with a bad value":  strings.NewReader(strings.Replace(cbr, "97,8335", "97,83,35", 1)),
		"ECB with a bad date":   strings.NewReader(strings.Replace(ecb, "2022-03-11", "11.03.2022", 1)),
		"larger than the limit": io.MultiReader(strings.NewReader("<ValCurs>"), endless{}),
	}
	for name, r := range tests {
		rates, err := finance.ParseRates(r)
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("%s: ParseRates = %d rates, %v; want ErrFormat", name, len(rates), err)
		}
	}
	if _, err := finance.ParseRates(failingReader{}); !errors.Is(err, errDiskOnFire) {
		t.Errorf("ParseRates read error: %v, want the reader's error", err)
	}
}

// A file within the size limit but made of a great many elements is
// refused rather than read into a tree many times its size. Without the
// limit this file would parse: one valid rate, and elements the parser
// ignores.
func TestParseRatesTooManyElements(t *testing.T) {
	t.Parallel()
	in := `<ValCurs Date="09.11.2024"><Valute ID="R01235"><CharCode>USD</CharCode><Nominal>1</Nominal><Value>97,8335</Value></Valute>` +
		strings.Repeat("<a/>", 1<<20) + "</ValCurs>" // 2^20+5 elements, 4 MiB
	if rates, err := finance.ParseRates(strings.NewReader(in)); !errors.Is(err, finance.ErrFormat) {
		t.Errorf("ParseRates of 2^20+5 elements = %d rates, %v; want ErrFormat", len(rates), err)
	}
}

// ParseRates agrees with ParseCBR or ParseECB on any input: it succeeds
// exactly when one of them does, with the same rates, and fails with
// ErrFormat otherwise.
func FuzzParseRates(f *testing.F) {
	f.Add(readFile(f, sample2024))
	f.Add(readFile(f, "testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml"))
	f.Add(readFile(f, ecbSample))
	f.Add([]byte(`<Envelope><Cube><Cube time='2024-11-08'><Cube currency='USD' rate='1.0798'/></Cube></Cube></Envelope>`))
	f.Add([]byte(`<ValCurs Date="09.11.2024"><Valute ID="R01060"><CharCode>AMD</CharCode><Nominal>100</Nominal><Value>25,2558</Value></Valute></ValCurs>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := finance.ParseRates(bytes.NewReader(data))
		cbr, errCBR := finance.ParseCBR(bytes.NewReader(data))
		ecb, errECB := finance.ParseECB(bytes.NewReader(data))
		switch {
		case err != nil:
			if !errors.Is(err, finance.ErrFormat) {
				t.Fatalf("error %v does not wrap ErrFormat", err)
			}
			if errCBR == nil || errECB == nil {
				t.Fatalf("ParseRates failed (%v) where ParseCBR (%v) or ParseECB (%v) succeeded", err, errCBR, errECB)
			}
		case errCBR == nil:
			if !equalRates(cbr, got) {
				t.Fatalf("ParseRates = %v, ParseCBR = %v", got, cbr)
			}
		case errECB == nil:
			if !equalRates(ecb, got) {
				t.Fatalf("ParseRates = %v, ParseECB = %v", got, ecb)
			}
		default:
			t.Fatalf("ParseRates succeeded with %d rates where ParseCBR (%v) and ParseECB (%v) both failed", len(got), errCBR, errECB)
		}
	})
}

// A nil reader is a malformed file, not a panic (finding 1).
func TestParseNilReader(t *testing.T) {
	t.Parallel()
	parsers := map[string]func(io.Reader) ([]finance.Rate, error){
		"ParseRates": finance.ParseRates, "ParseCBR": finance.ParseCBR, "ParseECB": finance.ParseECB,
	}
	for name, parse := range parsers {
		rates, err := parse(nil)
		if !errors.Is(err, finance.ErrFormat) || rates != nil {
			t.Errorf("%s(nil) = %v, %v; want an error wrapping ErrFormat", name, rates, err)
		}
	}
}
