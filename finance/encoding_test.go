package finance_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/google/go-cmp/cmp"
)

// The JSON of a quoted rate, written by hand from the documented shape: the
// CBR fixture's 86.9288 RUB per USD dated 25.02.2022 (data/rates.json).
const usdRUBJSON = `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","basis":"official",` +
	`"source":{"publisher":"Central Bank of Russia","title":"XML_dynamic R01235","date":"2022-02-25"}}`

func TestRateJSON(t *testing.T) {
	t.Parallel()
	rates := testRates(t)
	find := func(from, to finance.Currency) finance.Rate {
		t.Helper()
		r, err := rates.FindWith(from, to, date(2022, 3, 1), finance.FindOptions{AnyAge: true})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	usd := mustRate(t, finance.USD, finance.RUB, "86.9288", date(2022, 2, 25), fixtureSource)
	gbp := `{"base":"GBP","quote":"RUB","value":"103.8762","date":"2022-02-04","basis":"official",` +
		`"source":{"publisher":"Central Bank of Russia","title":"XML_daily","date":"2022-02-04"}}`
	tests := []struct {
		name string
		rate finance.Rate
		want string
	}{
		{"quoted", usd, usdRUBJSON},
		{"quoted, no source", mustRate(t, finance.GBP, finance.RUB, "100", date(2023, 6, 1), exodus.Source{}),
			`{"base":"GBP","quote":"RUB","value":"100","date":"2023-06-01","basis":"official"}`},
		// bc: scale=20; 1/86.9288 = .01150366736915728734, half to even at 16 places
		{"inverse", find(finance.RUB, finance.USD),
			`{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","basis":"official","chain":[` + usdRUBJSON + `]}`},
		// bc: scale=20; 103.8762/86.9288 = 1.19495725237205621152; dated by
		// the older leg (issue 9 found 2)
		{"cross", find(finance.GBP, finance.USD),
			`{"base":"GBP","quote":"USD","value":"1.1949572523720562","date":"2022-02-04","basis":"official","chain":[` + gbp + `,` + usdRUBJSON + `]}`},
		// Python decimal, prec 40: 86.9288/103.8762 = 0.83685001954249385325…,
		// half to even at 16 places; the inverse of a cross keeps the cross's
		// chain (Rate.Inverse)
		{"inverse of a cross", find(finance.GBP, finance.USD).Inverse(),
			`{"base":"USD","quote":"GBP","value":"0.8368500195424939","date":"2022-02-04","basis":"official","chain":[` + gbp + `,` + usdRUBJSON + `]}`},
		{"same currency", find(finance.EUR, finance.EUR),
			`{"base":"EUR","quote":"EUR","value":"1","date":"2022-03-01","basis":"official"}`},
		{"zero", finance.Rate{}, `null`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.rate)
		if err != nil {
			t.Errorf("%s: Marshal(%v): %v", tt.name, tt.rate, err)
			continue
		}
		if diff := cmp.Diff(tt.want, string(b)); diff != "" {
			t.Errorf("%s: Marshal(%v) mismatch (-want +got):\n%s", tt.name, tt.rate, diff)
		}
		var back finance.Rate
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%s: Unmarshal(%s): %v", tt.name, b, err)
			continue
		}
		if !back.Equal(tt.rate) || back.String() != tt.rate.String() || back.IsQuoted() != tt.rate.IsQuoted() {
			t.Errorf("%s: round trip of %v gave %v", tt.name, tt.rate, back)
		}
		// The rebuilt rate converts exactly as the original.
		if tt.rate.Base() != 0 {
			a := finance.NewAmount(finance.MustParseAmount("1000000000 USD").Decimal(), tt.rate.Base())
			want, err1 := tt.rate.Convert(a)
			got, err2 := back.Convert(a)
			if err1 != nil || err2 != nil || !got.Equal(want) {
				t.Errorf("%s: Convert(%v) after the round trip = %v, %v; want %v, %v", tt.name, a, got, err2, want, err1)
			}
		}
	}
	// Inside other values, as a report would hold it.
	type report struct{ Rate finance.Rate }
	b, err := json.Marshal(report{usd})
	if want := `{"Rate":` + usdRUBJSON + `}`; err != nil || string(b) != want {
		t.Errorf("Marshal(report) = %s, %v; want %s", b, err, want)
	}
	var r report
	if err := json.Unmarshal(b, &r); err != nil || !r.Rate.Equal(usd) {
		t.Errorf("Unmarshal(report) = %v, %v", r.Rate, err)
	}
	// null leaves the rate unchanged, as for other types.
	if err := json.Unmarshal([]byte(`null`), &r.Rate); err != nil || !r.Rate.Equal(usd) {
		t.Errorf("Unmarshal(null) = %v, %v; want the rate unchanged", r.Rate, err)
	}
}

func TestRateJSONErrors(t *testing.T) {
	t.Parallel()
	quoted := func(base, quote, value, day string) string {
		return `{"base":"` + base + `","quote":"` + quote + `","value":"` + value + `","date":"` + day + `","basis":"official"}`
	}
	usd := quoted("USD", "RUB", "86.9288", "2022-02-25")
	gbp := quoted("GBP", "RUB", "103.8762", "2022-02-04")
	tests := []struct{ name, in string }{
		{"not an object", `[1]`},
		{"empty object", `{}`},
		{"no base", `{"quote":"RUB","value":"1","date":"2022-02-25"}`},
		{"unknown currency", quoted("XYZ", "RUB", "1", "2022-02-25")},
		{"same currency, not 1", quoted("USD", "USD", "2", "2022-02-25")},
		{"zero value", quoted("USD", "RUB", "0", "2022-02-25")},
		{"negative value", quoted("USD", "RUB", "-86.9288", "2022-02-25")},
		{"exponent", quoted("USD", "RUB", "1e3", "2022-02-25")},
		{"not a number", quoted("USD", "RUB", "NaN", "2022-02-25")},
		{"no value", `{"base":"USD","quote":"RUB","date":"2022-02-25"}`},
		{"value a bool", `{"base":"USD","quote":"RUB","value":true,"date":"2022-02-25"}`},
		{"huge value", quoted("USD", "RUB", "1"+strings.Repeat("0", 5000), "2022-02-25")},
		{"no date", `{"base":"USD","quote":"RUB","value":"1"}`},
		{"bad date", quoted("USD", "RUB", "1", "25.02.2022")},
		{"date with time", quoted("USD", "RUB", "1", "2022-02-25T10:00:00Z")},
		{"unknown field", `{"base":"USD","quote":"RUB","value":"1","date":"2022-02-25","nominal":1}`},
		{"empty chain", `{"base":"RUB","quote":"USD","value":"1","date":"2022-02-25","chain":[]}`},
		{"chain of three", `{"base":"RUB","quote":"USD","value":"1","date":"2022-02-25","chain":[` + usd + `,` + usd + `,` + usd + `]}`},
		{"chain not about the pair", `{"base":"RUB","quote":"EUR","value":"0.0115036673691573","date":"2022-02-25","chain":[` + usd + `]}`},
		{"chain value disagrees", `{"base":"RUB","quote":"USD","value":"0.0115","date":"2022-02-25","chain":[` + usd + `]}`},
		{"chain date disagrees", `{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-26","chain":[` + usd + `]}`},
		{"chain of one, same direction", `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","chain":[` + usd + `]}`},
		{"cross legs do not meet", `{"base":"GBP","quote":"USD","value":"1","date":"2022-02-25","chain":[` + gbp + `,` + quoted("USD", "EUR", "1", "2022-02-25") + `]}`},
		{"nested chain", `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","chain":[` +
			`{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","chain":[` + usd + `]}]}`},
		{"identity in a chain", `{"base":"EUR","quote":"EUR","value":"1","date":"2022-02-25","chain":[` + quoted("EUR", "EUR", "1", "2022-02-25") + `]}`},
		{"identity as a leg", `{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","chain":[` + quoted("RUB", "RUB", "1", "2022-02-25") + `,` + usd + `]}`},
		// issue 9 must-have 1: a quoted rate says its basis, and a computed
		// one may not claim a stronger basis than its chain gives.
		{"no basis", `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25"}`},
		{"unknown basis", `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","basis":"unknown"}`},
		{"basis not a string", `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","basis":1}`},
		{"chain basis disagrees", `{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","basis":"official","chain":[` +
			`{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","basis":"reported"}]}`},
		{"identity not official", `{"base":"EUR","quote":"EUR","value":"1","date":"2022-02-25","basis":"derived"}`},
		{"computed with a source", `{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","source":{"title":"x"},"chain":[` + usd + `]}`},
	}
	for _, tt := range tests {
		var r finance.Rate
		err := json.Unmarshal([]byte(tt.in), &r)
		if !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("%s: Unmarshal(%.80s) = %v, %v; want an error wrapping ErrInvalidRate", tt.name, tt.in, r, err)
		}
		if !r.Equal(finance.Rate{}) {
			t.Errorf("%s: a failed Unmarshal changed the rate to %v", tt.name, r)
		}
	}
}

func FuzzRateUnmarshalJSON(f *testing.F) {
	usd := `{"base":"USD","quote":"RUB","value":"86.9288","date":"2022-02-25","basis":"official"}`
	gbp := `{"base":"GBP","quote":"RUB","value":"103.8762","date":"2022-02-04","basis":"reported"}`
	for _, s := range []string{
		usdRUBJSON, usd, `null`, `{}`, `[]`,
		`{"base":"RUB","quote":"USD","value":"0.0115036673691573","date":"2022-02-25","chain":[` + usd + `]}`,
		`{"base":"GBP","quote":"USD","value":"1.1949572523720562","date":"2022-02-04","basis":"reported","chain":[` + gbp + `,` + usd + `]}`,
		`{"base":"USD","quote":"GBP","value":"0.8368500195424939","date":"2022-02-04","chain":[` + gbp + `,` + usd + `]}`,
		`{"base":"USD","quote":"RUB","value":"80","date":"2023-06-01","basis":"derived"}`,
		`{"base":"EUR","quote":"EUR","value":"1","date":"2022-03-01"}`,
		`{"base":"USD","quote":"RUB","value":86.9288,"date":"2022-02-25","basis":"official"}`,
		// issue 13 rows 13 and 14: the year limits and a currency against itself.
		`{"base":"USD","quote":"USD","value":"1","date":"0001-01-01"}`,
		`{"base":"USD","quote":"RUB","value":"80","date":"0001-01-02","basis":"official"}`,
		`{"base":"USD","quote":"RUB","value":"80","date":"9999-12-31","basis":"official"}`,
		`{"base":"USD","quote":"RUB","value":"1e3","date":"2022-02-25","basis":"official"}`,
		`{"base":"USD","quote":"RUB","value":"0.` + strings.Repeat("0", 1100) + `1","date":"2022-02-25","basis":"official"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r finance.Rate
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		// What unmarshals marshals again, and reads back equal.
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Unmarshal(%q) = %v, which does not marshal: %v", data, r, err)
		}
		var back finance.Rate
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(r) {
			t.Fatalf("round trip of %v: %s became %v, %v", r, b, back, err)
		}
		_ = r.String()
		_ = r.Sources()
	})
}
