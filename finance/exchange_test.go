package finance_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/finance"
)

// issue 9 must-have 3: one call returns the amount and the rate it used.
func TestExchange(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	c, err := rates.Exchange(roubles, finance.GBP, date(2022, 2, 28))
	if err != nil {
		t.Fatal(err)
	}
	// bc: scale=20; 1.2e12/111.8213 = 10731408059.11…; the rate dated 26.02 is in force on 28.02
	if c.To.String() != "10731408059.11 GBP" || !c.From.Equal(roubles) || !c.On.Equal(date(2022, 2, 28)) ||
		!c.Rate.Date().Equal(date(2022, 2, 26)) || c.Age() != 2 || c.Basis() != finance.Reported {
		t.Errorf("Exchange = %v (age %d, basis %v)", c, c.Age(), c.Basis())
	}
	if len(c.Sources()) != 1 || c.Sources()[0].Publisher != "Central Bank of Russia" || !strings.HasPrefix(c.Sources()[0].Note, "[REPORTED]") {
		t.Errorf("Exchange sources %v", c.Sources())
	}
	// The same amount and rate as Convert and Find.
	want, err1 := rates.Convert(roubles, finance.GBP, date(2022, 2, 28))
	r, err2 := rates.Find(finance.RUB, finance.GBP, date(2022, 2, 28))
	if err1 != nil || err2 != nil || !want.Equal(c.To) || !r.Equal(c.Rate) {
		t.Errorf("Exchange disagrees with Convert %v and Find %v", want, r)
	}
	if want := "1200000000000.00 RUB = 10731408059.11 GBP at 1 GBP = 111.8213 RUB on 2022-02-26 (reported), 2 days before 2022-02-28"; c.String() != want {
		t.Errorf("String() = %q, want %q", c.String(), want)
	}
	b, err := json.Marshal(c)
	if err != nil || !strings.HasPrefix(string(b), `{"from":{"amount":"1200000000000.00","currency":"RUB"},"to":{"amount":"10731408059.11","currency":"GBP"},"on":"2022-02-28","age":2,"basis":"reported","rate":{"base":"RUB","quote":"GBP",`) {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	// Errors are those of Convert.
	if _, err := rates.Exchange(roubles, finance.USD, date(2024, 1, 15)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("stale: %v, want ErrNoRate", err)
	}
	if _, err := rates.Exchange(finance.MustParseAmount("1 EUR"), finance.USD, date(2021, 1, 1)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("no rate: %v", err)
	}
	// Same currency: rounded at exactly 1.
	c, err = rates.Exchange(finance.MustParseAmount("1.005 USD"), finance.USD, date(2022, 2, 28))
	if err != nil || c.To.String() != "1.00 USD" || c.Basis() != finance.Official || c.Age() != 0 { // hand: half to even
		t.Errorf("USD to USD = %v, %v", c, err)
	}
	var zero finance.Conversion
	if zero.String() != "Conversion(zero)" {
		t.Errorf("zero Conversion = %q", zero.String())
	}
	if b, err := json.Marshal(zero); err != nil || string(b) != "null" {
		t.Errorf("zero Conversion JSON = %s, %v", b, err)
	}
}
