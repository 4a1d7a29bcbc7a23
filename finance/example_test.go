package finance_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

func ExampleParseAmount() {
	for _, s := range []string{
		"1.2 trillion roubles",
		"RUB 1,200,000,000,000.00",
		"£12bn",
		"$15 bn",
		"15 млрд долларов",
		"-12.5 usd",
	} {
		a, err := finance.ParseAmount(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-26q %v\n", s, a)
	}
	_, err := finance.ParseAmount("¥500m")
	fmt.Println(errors.Is(err, finance.ErrSyntax), err)
	// Output:
	// "1.2 trillion roubles"     1200000000000.00 RUB
	// "RUB 1,200,000,000,000.00" 1200000000000.00 RUB
	// "£12bn"                    12000000000.00 GBP
	// "$15 bn"                   15000000000.00 USD
	// "15 млрд долларов"         15000000000.00 USD
	// "-12.5 usd"                -12.50 USD
	// true finance: parse amount "¥500m": ambiguous currency: ¥ is used for both JPY and CNY; write the ISO code: invalid syntax
}

// Russian-style numbers: spaces (here a no-break space, U+00A0) between
// groups of three digits, and a decimal comma wherever the comma cannot be
// a thousands separator.
func ExampleParseAmount_russian() {
	for _, s := range []string{
		"1 200 000 RUB",
		"1\u00a0200\u00a0000,50 руб",
		"1,2 трлн руб",
		"12,50 €",
		"1,200 RUB", // exactly three digits after the comma: thousands
	} {
		a, err := finance.ParseAmount(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-22q %v\n", s, a)
	}
	_, err := finance.ParseAmount("1 20 000 RUB")
	fmt.Println(err)
	// Output:
	// "1 200 000 RUB"        1200000.00 RUB
	// "1\u00a0200\u00a0000,50 руб" 1200000.50 RUB
	// "1,2 трлн руб"         1200000000000.00 RUB
	// "12,50 €"              12.50 EUR
	// "1,200 RUB"            1200.00 RUB
	// finance: parse amount "1 20 000 RUB": malformed number "1 20 000": digit group "20" has 2 digits, want 3: invalid syntax
}

func ExampleAmount_Compact() {
	for _, s := range []string{
		"1200000000000 RUB",
		"12000000000 GBP",
		"13804400842.99 USD",
		"350000000 EUR",
		"1500 USD",
		"-4240000 CHF",
		"999.5 USD",
	} {
		fmt.Println(finance.MustParseAmount(s).Compact())
	}
	// Output:
	// ₽1.2trn
	// £12bn
	// $13.8bn
	// €350m
	// $1.5k
	// -CHF 4.24m
	// $1k
}

func ExampleAmount_Allocate() {
	parts, err := finance.MustParseAmount("100.00 USD").Allocate(1, 1, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(parts)

	// Yen has no minor unit: 1000 yen in shares 2:1 is 667 and 333.
	parts, _ = finance.MustParseAmount("1000 JPY").Allocate(2, 1)
	fmt.Println(parts)
	// Output:
	// [33.34 USD 33.33 USD 33.33 USD]
	// [667 JPY 333 JPY]
}

func ExampleRates_Convert() {
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")

	// The CBR rate in force on 25 February 2022: 86.9288 RUB per USD.
	day := time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)
	usd, err := rates.Convert(roubles, finance.USD, day)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(usd, usd.Compact())
	// Output:
	// 13804400842.99 USD $13.8bn
}

// The same table converts the other way: the quoted USD/RUB rate is
// inverted exactly.
func ExampleRates_Convert_inverse() {
	rates := finance.DefaultRates()
	day := time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)
	rub, err := rates.Convert(finance.MustParseAmount("$1000"), finance.RUB, day)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rub)
	// Output:
	// 86928.80 RUB
}

// Pounds to dollars at the article's implied rates: both are quoted in
// roubles, so Convert crosses them through RUB (hand: 12e9 × 100 / 80 =
// 15e9). Find shows the rate it used and the quotes, with their sources,
// that it came from.
func ExampleRates_Convert_cross() {
	rates := finance.ArticleRates() // derived: implied by the article's £12bn / $15bn
	day := time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
	usd, err := rates.Convert(finance.MustParseAmount("£12bn"), finance.USD, day)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(usd, usd.Compact())
	r, err := rates.Find(finance.GBP, finance.USD, day)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	for _, q := range r.Chain() {
		fmt.Println(" ", q)
	}
	// Output:
	// 15000000000.00 USD $15bn
	// 1 GBP = 1.25 USD on 2023-06-01 (derived, cross via RUB)
	//   1 GBP = 100 RUB on 2023-06-01 (derived)
	//   1 USD = 80 RUB on 2023-06-01 (derived)
}

func ExampleParseCBR() {
	f, err := os.Open("testdata/XML_daily_2024-11-09.cp1251.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rates, err := finance.ParseCBR(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(rates), "rates")
	for _, r := range rates {
		switch r.Base() {
		case finance.USD, finance.AMD:
			fmt.Println(r)
		}
	}
	fmt.Println(rates[0].Source().URL)
	// Output:
	// 43 rates
	// 1 AMD = 0.252558 RUB on 2024-11-09 (official)
	// 1 USD = 97.8335 RUB on 2024-11-09 (official)
	// https://www.cbr.ru/scripts/XML_daily.asp?date_req=09/11/2024
}

// ParseRates tells a CBR file from an ECB file by its root element, so a
// program can accept either.
func ExampleParseRates() {
	for _, name := range []string{"testdata/XML_daily_2024-11-09.cp1251.xml", "testdata/eurofxref-sample.xml"} {
		f, err := os.Open(name)
		if err != nil {
			fmt.Println(err)
			return
		}
		rates, err := finance.ParseRates(f)
		f.Close()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(len(rates), "rates from", rates[0].Source().Publisher)
	}
	_, err := finance.ParseRates(strings.NewReader(`<rates/>`))
	fmt.Println(errors.Is(err, finance.ErrFormat), err)
	// Output:
	// 43 rates from Central Bank of Russia
	// 11 rates from European Central Bank
	// true finance: parse rate file: root element <rates> is neither a CBR <ValCurs> nor an ECB <Envelope>: malformed rate file
}

func ExampleDefaultRates() {
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	day := time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)
	for _, to := range []finance.Currency{finance.USD, finance.GBP} {
		c, err := rates.Exchange(roubles, to, day)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.To.Compact(), c.Basis())
	}
	// No official rate within 14 days: an error, never the article's
	// derived rate or a stale one.
	_, err := rates.Convert(roubles, finance.USD, time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, finance.ErrNoRate), err)
	// Output:
	// $13.8bn official
	// £10.2bn reported
	// true finance: no RUB/USD rate on or before 2024-01-15 within 14 days (latest is 2023-03-01)
}

func ExampleNewRate() {
	src := exodus.Source{Publisher: "Central Bank of Russia", Date: "2022-02-25"}
	r, err := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("86.9288"),
		time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC), finance.Official, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println(r.Inverse())
	// Output:
	// 1 USD = 86.9288 RUB on 2022-02-25 (official)
	// 1 RUB = 0.0115036673691573 USD on 2022-02-25 (official, inverse)
}

func ExampleParseCurrency() {
	c, err := finance.ParseCurrency(" bhd ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c, c.Name(), c.MinorUnits())
	dem := finance.MustParseCurrency("DEM")
	fmt.Println(dem, dem.Name(), "withdrawn", dem.Withdrawn())
	_, err = finance.ParseCurrency("XYZ")
	fmt.Println(errors.Is(err, finance.ErrUnknownCurrency), err)
	// Output:
	// BHD Bahraini Dinar 3
	// DEM Deutsche Mark withdrawn 2002-03
	// true finance: parse currency "XYZ": unknown currency
}

func ExampleAmount_RoundTo() {
	a := finance.MustParseAmount("2.5 JPY")
	for _, m := range []finance.RoundingMode{finance.HalfEven, finance.HalfUp, finance.HalfDown, finance.Up, finance.Down, finance.Ceiling, finance.Floor} {
		fmt.Printf("%-8v %v\n", m, a.RoundTo(0, m))
	}
	// Output:
	// HalfEven 2 JPY
	// HalfUp   3 JPY
	// HalfDown 2 JPY
	// Up       3 JPY
	// Down     2 JPY
	// Ceiling  3 JPY
	// Floor    2 JPY
}

func ExampleAmount_Round() {
	fmt.Println(finance.MustParseAmount("2.345 USD").Round())
	fmt.Println(finance.MustParseAmount("2.355 USD").Round())
	fmt.Println(finance.MustParseAmount("0.12345 CLF").Round())
	// Output:
	// 2.34 USD
	// 2.36 USD
	// 0.1234 CLF
}

func ExampleAmount_Format() {
	a := finance.MustParseAmount("1234.565 USD")
	fmt.Printf("%v|%.2f|%.0f|%14.1f|\n", a, a, a, a)
	// Output:
	// 1234.565 USD|1234.56 USD|1235 USD|    1234.6 USD|
}

func ExampleAmount_MarshalJSON() {
	b, err := json.Marshal(finance.MustParseAmount("£12bn"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	var a finance.Amount
	if err := json.Unmarshal(b, &a); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a)
	// Output:
	// {"amount":"12000000000.00","currency":"GBP"}
	// 12000000000.00 GBP
}

func ExampleRates_FindWith() {
	rates := finance.DefaultRates()
	day := time.Date(2022, 3, 20, 0, 0, 0, 0, time.UTC)
	r, err := rates.Find(finance.USD, finance.RUB, day)
	fmt.Println(r, err)
	// Refuse rates more than three days old.
	_, err = rates.FindWith(finance.USD, finance.RUB, day, finance.FindOptions{MaxAge: 3})
	fmt.Println(err)
	// Output:
	// 1 USD = 115.1963 RUB on 2022-03-15 (official) <nil>
	// finance: no USD/RUB rate on or before 2022-03-20 within 3 days (latest is 2022-03-15)
}

// A cross rate cites the sources of both legs; here both come from the CBR
// file of 15.03.2022 (bc: 151.5177/115.1963 = 1.315300057380315166…).
func ExampleRate_Sources() {
	r, err := finance.DefaultRates().Find(finance.GBP, finance.USD, time.Date(2022, 3, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	for _, s := range r.Sources() {
		fmt.Println(s.URL)
	}
	// Output:
	// 1 GBP = 1.3153000573803152 USD on 2022-03-15 (official, cross via RUB)
	// https://www.cbr.ru/scripts/XML_daily.asp?date_req=15/03/2022
}

func ExampleParseECB() {
	f, err := os.Open("testdata/eurofxref-sample.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rates, err := finance.ParseECB(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	table, _ := finance.NewRates(rates...)
	rub, err := table.Convert(finance.MustParseAmount("$1000"), finance.RUB, time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC))
	fmt.Println(rub, err)
	// Output:
	// 85745.32 RUB <nil>
}

// A table of one's own rates, here the CBR's USD and GBP rates of
// 04.02.2022 (XML_daily), crossed through RUB. (bc: 1000*103.8762/76.6501 =
// 1355.1997…, so 1355.20.)
func ExampleNewRates() {
	src := exodus.Source{
		Publisher: "Central Bank of Russia",
		Title:     "XML_daily 04.02.2022",
		URL:       "https://www.cbr.ru/scripts/XML_daily.asp?date_req=04/02/2022",
		Date:      "2022-02-04",
	}
	day := time.Date(2022, 2, 4, 0, 0, 0, 0, time.UTC)
	usd, _ := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("76.6501"), day, finance.Official, src)
	gbp, _ := finance.NewRate(finance.GBP, finance.RUB, decimal.RequireFromString("103.8762"), day, finance.Official, src)
	rates, err := finance.NewRates(usd, gbp)
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := rates.Convert(finance.MustParseAmount("£1000"), finance.USD, day.AddDate(0, 0, 3))
	fmt.Println(a, err)
	// Output:
	// 1355.20 USD <nil>
}

func ExampleRate_Convert() {
	day := time.Date(2024, 11, 9, 0, 0, 0, 0, time.UTC)
	// CBR, 09.11.2024: 25,2558 RUB per 100 AMD.
	amd, _ := finance.NewRate(finance.AMD, finance.RUB, decimal.RequireFromString("0.252558"), day, finance.Official, exodus.Source{Publisher: "Central Bank of Russia"})
	rub, _ := amd.Convert(finance.MustParseAmount("100000 AMD"))
	back, _ := amd.Convert(rub)
	fmt.Println(rub, back)
	// Output:
	// 25255.80 RUB 100000.00 AMD
}

func ExampleRate_ConvertUnits() {
	day := time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)
	// CBR, 25.02.2022: 86,9288 RUB per USD.
	usd, _ := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("86.9288"), day, finance.Official, exodus.Source{Publisher: "Central Bank of Russia"})
	kopecks := []int64{12345678, 100, -50, 4346}
	cents := make([]int64, len(kopecks))
	if err := usd.ConvertUnits(cents, kopecks, finance.RUB); err != nil {
		fmt.Println(err)
		return
	}
	// 123456.78/86.9288 = 1420.2057…, 1/86.9288 = 0.0115…,
	// -0.50/86.9288 = -0.00575…, 43.46/86.9288 = 0.49995…
	fmt.Println(cents)
	// Output:
	// [142021 1 -1 50]
}

func ExampleCurrency() {
	for _, c := range []finance.Currency{finance.RUB, finance.USD, finance.GBP, finance.JPY, finance.KZT} {
		fmt.Printf("%s %-3s %d %s\n", c, c.Symbol(), c.MinorUnits(), c.Name())
	}
	// Output:
	// RUB ₽   2 Russian Ruble
	// USD $   2 US Dollar
	// GBP £   2 Pound Sterling
	// JPY JP¥ 0 Yen
	// KZT ₸   2 Tenge
}

// NewAmount takes an exact decimal and does not round; String shows every
// digit it holds, and at least the currency's minor units.
func ExampleNewAmount() {
	a := finance.NewAmount(decimal.New(12, 11), finance.RUB) // 12×10^11: 1.2 trillion roubles
	fmt.Println(a, a.Compact())
	b := finance.NewAmount(decimal.RequireFromString("0.1255"), finance.MustParseCurrency("BHD"))
	fmt.Println(b, b.Round())
	// Output:
	// 1200000000000.00 RUB ₽1.2trn
	// 0.1255 BHD 0.126 BHD
}

// Amounts of different currencies do not mix: convert first.
func ExampleAmount_Add() {
	a, b := finance.MustParseAmount("10.50 USD"), finance.MustParseAmount("0.75 USD")
	sum, err := a.Add(b)
	fmt.Println(sum, err)
	_, err = a.Add(finance.MustParseAmount("1 RUB"))
	var m *finance.MismatchError
	fmt.Println(errors.As(err, &m), err)
	// Output:
	// 11.25 USD <nil>
	// true finance: add: currency mismatch: USD and RUB
}

// Find returns the rate in force on a day: the latest dated on or before
// it. The CBR sets no rate for a Sunday, so 27 February 2022 gets the one
// dated Saturday 26 February (83.5485 RUB per USD).
func ExampleRates_Find() {
	rates := finance.DefaultRates()
	r, err := rates.Find(finance.USD, finance.RUB, time.Date(2022, 2, 27, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println(r.Source().Publisher)
	// Output:
	// 1 USD = 83.5485 RUB on 2022-02-26 (official)
	// Central Bank of Russia
}

// Rates of one's own join the defaults: here the ECB's, so that EUR/USD
// on 11 March 2022 is the ECB's direct quote rather than a cross through
// roubles.
func ExampleRates_Add() {
	f, err := os.Open("testdata/eurofxref-sample.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	ecb, err := finance.ParseECB(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	rates := finance.DefaultRates()
	// The ECB's EUR/RUB of 2022-03-01 differs from the CBR's: refused.
	err = rates.Add(ecb...)
	fmt.Println(errors.Is(err, finance.ErrDuplicateRate))
	var cross []finance.Rate
	for _, r := range ecb {
		if r.Quote() != finance.RUB {
			cross = append(cross, r)
		}
	}
	if err := rates.Add(cross...); err != nil {
		fmt.Println(err)
		return
	}
	r, err := rates.Find(finance.EUR, finance.USD, time.Date(2022, 3, 11, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r, r.Source().Publisher)
	// Output:
	// true
	// 1 EUR = 1.099 USD on 2022-03-11 (official) European Central Bank
}

// The inverse of a quote is exact: converting there and back returns the
// amount, and the derived rate cites the quote it came from.
func ExampleRate_Inverse() {
	src := exodus.Source{Publisher: "Central Bank of Russia", Date: "2024-11-09"}
	usd, err := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("97.8335"),
		time.Date(2024, 11, 9, 0, 0, 0, 0, time.UTC), finance.Official, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	inv := usd.Inverse()
	fmt.Println(inv.IsQuoted(), inv.Base(), inv.Quote(), inv.Sources()[0].Publisher)
	rub, _ := usd.Convert(finance.MustParseAmount("1000 USD"))
	back, _ := inv.Convert(rub)
	fmt.Println(rub, back)
	// Output:
	// false RUB USD Central Bank of Russia
	// 97833.50 RUB 1000.00 USD
}

// A rate keeps its exact value, date and source in JSON; a derived rate
// carries the quoted rates it came from and is rebuilt from them (Python
// decimal: 1/97.8335 = 0.010221447663632600…, shown to 16 places).
func ExampleRate_MarshalJSON() {
	src := exodus.Source{Publisher: "Central Bank of Russia", Date: "2024-11-09"}
	usd, err := finance.NewRate(finance.USD, finance.RUB, decimal.RequireFromString("97.8335"),
		time.Date(2024, 11, 9, 0, 0, 0, 0, time.UTC), finance.Official, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.Marshal(usd.Inverse())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	var back finance.Rate
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(back, back.Equal(usd.Inverse()))
	// Output:
	// {"base":"RUB","quote":"USD","value":"0.0102214476636326","date":"2024-11-09","basis":"official","chain":[{"base":"USD","quote":"RUB","value":"97.8335","date":"2024-11-09","basis":"official","source":{"publisher":"Central Bank of Russia","date":"2024-11-09"}}]}
	// 1 RUB = 0.0102214476636326 USD on 2024-11-09 (official, inverse) true
}

// On 25 February 2022 the embedded table has that day's USD rate, but its
// latest GBP, EUR and CNY rates are from 4 February, before the invasion.
// Age shows it; FindOptions.MaxAge refuses it.
func ExampleRate_Age() {
	rates := finance.DefaultRates()
	day := time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC) // a Monday
	for _, cur := range []finance.Currency{finance.USD, finance.GBP} {
		r, err := rates.Find(cur, finance.RUB, day)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%v dated %s: %d days old\n", cur, r.Date().Format(time.DateOnly), r.Age(day))
	}
	_, err := rates.FindWith(finance.GBP, finance.RUB, day, finance.FindOptions{MaxAge: 1})
	fmt.Println(err)
	// Output:
	// USD dated 2022-02-26: 2 days old
	// GBP dated 2022-02-26: 2 days old
	// finance: no GBP/RUB rate on or before 2022-02-28 within 1 day (latest is 2022-02-26)
}

// The CBR's own file for days the embedded table holds from a test fixture
// has the same values but another source: Add refuses it, Replace lets the
// official file win.
func ExampleRates_Replace() {
	f, err := os.Open("testdata/XML_dynamic_R01235_2022-02-24_2022-03-01.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	official, err := finance.ParseCBR(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	rates := finance.DefaultRates()
	err = rates.Add(official...)
	fmt.Println(errors.Is(err, finance.ErrDuplicateRate))
	if err := rates.Replace(official...); err != nil {
		fmt.Println(err)
		return
	}
	r, err := rates.Find(finance.USD, finance.RUB, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println(r.Source().URL)
	// Output:
	// true
	// 1 USD = 86.9288 RUB on 2022-02-25 (official)
	// https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1=24/02/2022&date_req2=01/03/2022&VAL_NM_RQ=R01235
}

func ExampleBasis() {
	// A cross rate is only as good as its weakest leg.
	fmt.Println(finance.Official.Weaker(finance.Reported), finance.Reported.Weaker(finance.Derived))
	fmt.Println(finance.UnknownBasis, finance.UnknownBasis.Valid())
	// Output:
	// reported derived
	// unknown false
}

func ExampleParseBasis() {
	b, err := finance.ParseBasis("reported")
	fmt.Println(b, err)
	_, err = finance.ParseBasis("OFF")
	fmt.Println(errors.Is(err, finance.ErrSyntax))
	// Output:
	// reported <nil>
	// true
}

func ExampleRate_Basis() {
	rates := finance.DefaultRates()
	day := time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)
	for _, cur := range []finance.Currency{finance.USD, finance.GBP} {
		r, err := rates.Find(cur, finance.RUB, day)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Basis())
	}
	// The cross rate is reported: its GBP leg is.
	r, err := rates.Find(finance.GBP, finance.USD, day)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Basis(), r.IsQuoted())
	// Output:
	// official
	// reported
	// reported false
}

func ExampleRates_Exchange() {
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	c, err := rates.Exchange(roubles, finance.USD, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	fmt.Println(c.To.Compact(), c.Basis(), c.Age(), c.Sources()[0].Publisher)
	// Output:
	// 1200000000000.00 RUB = 13804400842.99 USD at 1 USD = 86.9288 RUB on 2022-02-25 (official)
	// $13.8bn official 0 Central Bank of Russia
}

func ExampleRates_ExchangeWith() {
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	day := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	// By default the newest USD rate, of 2023-03-01, is too old.
	_, err := rates.Exchange(roubles, finance.USD, day)
	fmt.Println(err)
	// Allowing any age, the result says how old and how sure.
	c, err := rates.ExchangeWith(roubles, finance.USD, day, finance.FindOptions{AnyAge: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	// Output:
	// finance: no RUB/USD rate on or before 2024-01-15 within 14 days (latest is 2023-03-01)
	// 1200000000000.00 RUB = 16022816490.68 USD at 1 USD = 74.8932 RUB on 2023-03-01 (reported), 320 days before 2024-01-15
}

func ExampleArticleRates() {
	rates := finance.ArticleRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	for _, to := range []finance.Currency{finance.USD, finance.GBP} {
		c, err := rates.Exchange(roubles, to, time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.To.Compact(), c.Rate.Inverse())
	}
	// Output:
	// $15bn 1 USD = 80 RUB on 2023-06-01 (derived)
	// £12bn 1 GBP = 100 RUB on 2023-06-01 (derived)
}

func ExampleRates_Average() {
	rates := finance.DefaultRates()
	roubles := finance.MustParseAmount("1.2 trillion roubles")
	start := time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC)
	for _, cur := range []finance.Currency{finance.USD, finance.GBP} {
		p, err := rates.Average(cur, finance.RUB, start, end)
		if err != nil {
			fmt.Println(err)
			return
		}
		a, err := p.Convert(roubles)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p)
		fmt.Println(a, a.Compact(), len(p.Spans()), "rates in force")
	}
	// Output:
	// 1 USD = 77.4048 RUB, average of 28 days 2022-02-01 to 2022-02-28 (official; in force: 74.7241 to 86.9288)
	// 15502920985.63 USD $15.5bn 19 rates in force
	// 1 GBP = 104.7895 RUB, average of 28 days 2022-02-01 to 2022-02-28 (reported; in force: 101.2736 to 117.1539)
	// 11451533701.18 GBP £11.5bn 19 rates in force
}

func ExampleRates_AverageWith() {
	rates := finance.DefaultRates()
	start := time.Date(2022, 1, 25, 0, 0, 0, 0, time.UTC)
	end := time.Date(2022, 2, 3, 0, 0, 0, 0, time.UTC)
	// No rate before 01.02.2022 is embedded: the average is refused.
	_, err := rates.AverageWith(finance.USD, finance.RUB, start, end, finance.FindOptions{MaxAge: 3})
	var pe *finance.PeriodError
	fmt.Println(errors.As(err, &pe), len(pe.Missing))
	fmt.Println(err)
	// Output:
	// true 7
	// finance: no USD/RUB rate within 3 days on 7 of 10 days from 2022-01-25 to 2022-02-03: 2022-01-25 to 2022-01-31
}
