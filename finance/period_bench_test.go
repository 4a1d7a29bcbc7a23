package finance_test

import (
	"testing"

	"github.com/exodus-lab/exodus/finance"
)

func BenchmarkRatesExchange(b *testing.B) {
	rates := finance.DefaultRates()
	day := date(2022, 2, 25)
	for _, c := range []struct {
		name   string
		amount finance.Amount
		to     finance.Currency
	}{{"inverse", finance.MustParseAmount("1.2 trillion roubles"), finance.USD}, {"cross", finance.MustParseAmount("12bn EUR"), finance.USD}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rates.Exchange(c.amount, c.to, day); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRatesAverage(b *testing.B) {
	rates := finance.DefaultRates()
	for _, c := range []struct {
		name       string
		from, to   finance.Currency
		start, end int // days of February 2022
	}{{"days=28", finance.USD, finance.RUB, 1, 28}, {"days=28/cross", finance.GBP, finance.USD, 1, 28}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rates.Average(c.from, c.to, date(2022, 2, c.start), date(2022, 2, c.end)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
