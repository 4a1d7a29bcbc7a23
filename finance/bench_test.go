package finance_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

func BenchmarkParseAmount(b *testing.B) {
	for _, s := range []string{"1200000000000.00 RUB", "1.2 trillion roubles", "£12bn"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := finance.ParseAmount(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRatesFind(b *testing.B) {
	rates := finance.DefaultRates()
	day := date(2024, 11, 20)
	for _, c := range []struct {
		name     string
		from, to finance.Currency
	}{
		{"direct", finance.USD, finance.RUB},
		{"inverse", finance.RUB, finance.USD},
		{"cross", finance.GBP, finance.USD},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rates.Find(c.from, c.to, day); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRatesConvert(b *testing.B) {
	rates := finance.DefaultRates()
	day := date(2024, 11, 20)
	for _, c := range []struct {
		name   string
		amount finance.Amount
		to     finance.Currency
	}{
		{"direct", finance.MustParseAmount("123456.78 USD"), finance.RUB},
		{"inverse", finance.MustParseAmount("123456.78 RUB"), finance.USD},
		{"cross", finance.MustParseAmount("123456.78 GBP"), finance.USD},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rates.Convert(c.amount, c.to, day); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseCBR(b *testing.B) {
	data := readFile(b, sample2024)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := finance.ParseCBR(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAllocate(b *testing.B) {
	a := finance.MustParseAmount("1200000000000.00 RUB")
	weights := []int64{27, 15, 15, 15, 8, 20}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Allocate(weights...); err != nil {
			b.Fatal(err)
		}
	}
}

// NewRates of a long history listed newest first, as eurofxref-hist.xml is:
// 2000 days of 30 currencies.
func BenchmarkNewRatesHistory(b *testing.B) {
	codes := []string{"USD", "JPY", "BGN", "CZK", "DKK", "GBP", "HUF", "PLN", "RON", "SEK", "CHF", "ISK", "NOK", "TRY", "AUD",
		"BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR"}
	var rates []finance.Rate
	for d := 2000; d > 0; d-- {
		for i, c := range codes {
			r, err := finance.NewRate(finance.EUR, finance.MustParseCurrency(c), decimal.New(int64(1000+i+d), -3), date(2000, 1, 1).AddDate(0, 0, d), finance.Official, exodus.Source{})
			if err != nil {
				b.Fatal(err)
			}
			rates = append(rates, r)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := finance.NewRates(rates...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRateConvert converts roubles to dollars at one quoted rate: the
// arithmetic alone, without the table lookup of BenchmarkRatesConvert.
func BenchmarkRateConvert(b *testing.B) {
	r, err := finance.DefaultRates().Find(finance.USD, finance.RUB, date(2024, 11, 20))
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range []finance.Amount{finance.MustParseAmount("123456.78 RUB"), finance.MustParseAmount("123456.78 USD")} {
		b.Run(a.Currency().Code(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Convert(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Benchmarks of the paths that issue 13 found quadratic (rows 4, 9, 19),
// at 10^3, 10^4 and 10^5: each is now O(n log n) or better, which the
// times per size show. They are benchmarks, not timing assertions.

// BenchmarkAllocateWeights splits 1000.00 USD by n weights; most of the
// units are left over, the case that was quadratic (row 9).
func BenchmarkAllocateWeights(b *testing.B) {
	a := finance.MustParseAmount("1000.00 USD")
	for _, n := range []int{1e3, 1e4, 1e5} {
		weights := make([]int64, n)
		for i := range weights {
			weights[i] = int64(i%7 + 1)
		}
		b.Run(fmt.Sprintf("weights=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.Allocate(weights...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseRatesLongValue reads a CBR file whose one Value has n
// digits (row 4): refused after one pass over the digits.
func BenchmarkParseRatesLongValue(b *testing.B) {
	for _, n := range []int{1e3, 1e4, 1e5} {
		file := []byte(`<ValCurs Date="25.02.2022"><Valute ID="R01235"><CharCode>USD</CharCode><Nominal>1</Nominal><Value>1` +
			strings.Repeat("0", n-1) + `</Value></Valute></ValCurs>`)
		b.Run(fmt.Sprintf("digits=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(file)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := finance.ParseRates(bytes.NewReader(file)); err == nil {
					b.Fatal("a value of many digits was accepted")
				}
			}
		})
	}
}

// BenchmarkCompactTiny formats 1e-n (row 19).
func BenchmarkCompactTiny(b *testing.B) {
	for _, n := range []int32{1e3, 1e4, 1e5} {
		a := finance.NewAmount(decimal.New(1, -n), finance.EUR)
		b.Run(fmt.Sprintf("exp=-%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = a.Compact()
			}
		})
	}
}
