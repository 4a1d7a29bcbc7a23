package finance_test

// Reproductions of what issue 9 found ("What was found", items 1 and 2).
// They use only API that existed before the fix, and failed there.

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/finance"
)

// issue 9 found 1: DefaultRates converted 1.2 trillion roubles on
// 2024-01-15 at the article's derived 80 RUB/USD, 228 days old, silently
// ($15bn). Now the defaults hold no derived rate and refuse a stale one.
func TestIssue9DerivedRateNotDefault(t *testing.T) {
	t.Parallel()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	got, err := finance.DefaultRates().Convert(roubles, finance.USD, date(2024, 1, 15))
	if !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("Convert on 2024-01-15 = %v, %v; want ErrNoRate (no official rate within the age limit)", got, err)
	}
	for _, r := range finance.DefaultRates().All() {
		if strings.Contains(r.Source().Note, "[DERIVED]") {
			t.Errorf("DefaultRates holds the derived %v", r)
		}
	}
}

// issue 9 found 2: on 2022-02-25 GBP, EUR and CNY used the rates of
// 2022-02-04, and on 2022-02-24 every currency a rate 20 days old. Now every
// rate of February 2022 is embedded, so each day has the rate in force.
func TestIssue9MixedDates(t *testing.T) {
	t.Parallel()
	rates := finance.DefaultRates()
	for _, tt := range []struct {
		on, want time.Time
	}{
		{date(2022, 2, 25), date(2022, 2, 25)},
		{date(2022, 2, 24), date(2022, 2, 23)}, // cbr-feb-2022.md §1: no rate dated 24.02; 23.02's was in force
	} {
		for _, cur := range []finance.Currency{finance.USD, finance.EUR, finance.GBP, finance.CNY} {
			r, err := rates.Find(cur, finance.RUB, tt.on)
			if err != nil || !r.Date().Equal(tt.want) {
				t.Errorf("%v on %s: %v, %v; want the rate dated %s", cur, tt.on.Format(time.DateOnly), r, err, tt.want.Format(time.DateOnly))
			}
		}
	}
	// A table whose latest GBP rate is 21 days old refuses it by default.
	only, err := finance.ParseCBR(strings.NewReader(`<ValCurs Date="04.02.2022" name="Foreign Currency Market">` +
		`<Valute ID="R01035"><NumCode>826</NumCode><CharCode>GBP</CharCode><Nominal>1</Nominal><Name>Фунт</Name><Value>103,8762</Value></Valute></ValCurs>`))
	if err != nil {
		t.Fatal(err)
	}
	old, err := finance.NewRates(only...)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := old.Find(finance.GBP, finance.RUB, date(2022, 2, 25)); !errors.Is(err, finance.ErrNoRate) {
		t.Errorf("GBP on 2022-02-25 from a table ending 2022-02-04: %v, %v; want ErrNoRate", r, err)
	}
}

// issue 9 found 2: through the ECB file, RUB→USD on 2022-03-11 was "dated
// 2022-03-11" though built from the EUR/RUB rate of 2022-03-01 (the ECB
// published no RUB rate after it). A cross rate is now dated by its oldest
// leg, so its date and age agree.
func TestIssue9CrossRateDate(t *testing.T) {
	t.Parallel()
	// ECB reference rates, emigration-and-rates.md §E.3.
	ecb := `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube>
<Cube time="2022-03-11"><Cube currency="USD" rate="1.099"/></Cube>
<Cube time="2022-03-01"><Cube currency="USD" rate="1.1162"/><Cube currency="RUB" rate="117.201"/></Cube>
</Cube></gesmes:Envelope>`
	rs, err := finance.ParseECB(strings.NewReader(ecb))
	if err != nil {
		t.Fatal(err)
	}
	rates, err := finance.NewRates(rs...)
	if err != nil {
		t.Fatal(err)
	}
	r, err := rates.Find(finance.RUB, finance.USD, date(2022, 3, 11))
	if err != nil || !r.Date().Equal(date(2022, 3, 1)) || r.Age(date(2022, 3, 11)) != 10 { // hand: 1 to 11 March
		t.Errorf("RUB/USD on 2022-03-11 = %v, %v; want dated 2022-03-01, 10 days old", r, err)
	}
}
