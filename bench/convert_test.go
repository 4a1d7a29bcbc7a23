package bench_test

import (
	"math/bits"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// The workload of issue 12 §1: convert rouble amounts to dollars, exactly,
// rounded half to even to cents, at the CBR's 86.9288 RUB per USD dated
// 25.02.2022 (the rate finance.DefaultRates holds for that day).

var convertDay = time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC)

// convertKopecks are 1024 amounts in kopecks, up to 10^10 (100 million
// roubles), fixed by the seed.
var convertKopecks = func() []int64 {
	rng := rand.New(rand.NewPCG(2022, 2))
	out := make([]int64, 1024)
	for i := range out {
		out[i] = rng.Int64N(1e10)
	}
	return out
}()

func convertSetup(b *testing.B) (*finance.Rates, finance.Rate, []finance.Amount) {
	rates := finance.DefaultRates()
	r, err := rates.Find(finance.USD, finance.RUB, convertDay)
	if err != nil {
		b.Fatal(err)
	}
	if got := r.Decimal().String(); got != "86.9288" {
		b.Fatalf("USD/RUB on %v is %s, want 86.9288", convertDay, got)
	}
	amounts := make([]finance.Amount, len(convertKopecks))
	for i, k := range convertKopecks {
		amounts[i] = finance.NewAmount(decimal.New(k, -2), finance.RUB)
	}
	return rates, r, amounts
}

// BenchmarkConvert: ns/op is per amount in every sub-benchmark.
func BenchmarkConvert(b *testing.B) {
	rates, r, amounts := convertSetup(b)
	n := len(amounts)

	b.Run("impl=exodus/Rate.Convert", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := r.Convert(amounts[i%n]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("impl=exodus/Rates.Convert", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := rates.Convert(amounts[i%n], finance.USD, convertDay); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("impl=exodus/Rates.Convert/new-day", func(b *testing.B) {
		// Each conversion on another of 1024 days from 25.02.2022 (at the
		// rates in force on each), so that the table's memo of recent
		// lookups never hits: the cost of a full lookup.
		days := make([]time.Time, n)
		for i := range days {
			days[i] = convertDay.AddDate(0, 0, i)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := rates.Convert(amounts[i%n], finance.USD, days[i%n]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("impl=exodus/Rate.ConvertUnits", func(b *testing.B) {
		// One op converts all n amounts; the metric is per amount.
		dst := make([]int64, n)
		b.ReportAllocs()
		for b.Loop() {
			if err := r.ConvertUnits(dst, convertKopecks, finance.RUB); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/amount")
	})
	b.Run("impl=shopspring/DivRound", func(b *testing.B) {
		// shopspring's own division rounds half away from zero, not half to
		// even; it is here as the peer the issue names.
		rate := r.Decimal()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = amounts[i%n].Decimal().DivRound(rate, 2)
			i++
		}
	})
	b.Run("impl=floor/int128", func(b *testing.B) {
		// The floor: kopecks in int64, cents = kopecks·10^4/869288 with a
		// 128-bit intermediate, rounded half to even, by hand.
		b.ReportAllocs()
		i := 0
		var sink int64
		for b.Loop() {
			sink += floorKopecksToCents(convertKopecks[i%n])
			i++
		}
		_ = sink
	})
}

// floorKopecksToCents is the hand-written floor of the workload: the same
// computation for non-negative kopecks at exactly 86.9288 RUB/USD,
// cents = round_half_even(kopecks / 100 / 86.9288 · 100)
//
//	= round_half_even(kopecks · 10^4 / 869288).
func floorKopecksToCents(k int64) int64 {
	const d = 869288
	hi, lo := bits.Mul64(uint64(k), 1e4)
	q, r := bits.Div64(hi, lo, d)
	if r > d-r || (r == d-r && q&1 == 1) {
		q++
	}
	return int64(q)
}

// TestFloorAgrees checks that the floor computes what exodus computes, so
// that the comparison is of the same work.
func TestFloorAgrees(t *testing.T) {
	rates := finance.DefaultRates()
	for _, k := range convertKopecks {
		a := finance.NewAmount(decimal.New(k, -2), finance.RUB)
		got, err := rates.Convert(a, finance.USD, convertDay)
		if err != nil {
			t.Fatal(err)
		}
		if want := decimal.New(floorKopecksToCents(k), -2); !got.Decimal().Equal(want) {
			t.Fatalf("%v: exodus %v, floor %s", a, got, want)
		}
	}
}
