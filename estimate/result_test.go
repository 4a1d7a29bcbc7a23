package estimate_test

import (
	"context"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// indexRun returns the summary of a run whose draw i is g(i), so that the
// sample is known exactly.
func indexRun(t *testing.T, n int, q estimate.QuantileMethod, g func(i int) float64) estimate.Summary {
	t.Helper()
	m := estimate.NewModel()
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = g(d.Index())
	}, estimate.Options{Draws: n, Quantile: q})
	if err != nil {
		t.Fatal(err)
	}
	return res.Output(0)
}

// TestHyndmanFan checks all nine sample quantile definitions on the sample
// 1², 2², …, 10² (stored in reverse draw order, to test the sorting)
// against a hand calculation from Hyndman and Fan (1996), table 1 and
// equations (1)–(10), with x₍ₖ₎ = k².
func TestHyndmanFan(t *testing.T) {
	// hand, p = 0.25, n = 10: np = 2.5.
	//   type 1: x₍⌈2.5⌉₎ = x₍₃₎ = 9; type 2: np not whole, x₍₃₎ = 9;
	//   type 3: x₍round-half-even(2.5)₎ = x₍₂₎ = 4;
	//   type 4: h = 2.5 → 4 + 0.5·5 = 6.5;   type 5: h = 3 → 9;
	//   type 6: h = 11·0.25 = 2.75 → 4 + 0.75·5 = 7.75;
	//   type 7: h = 9·0.25 + 1 = 3.25 → 9 + 0.25·7 = 10.75;
	//   type 8: h = (10⅓)·0.25 + ⅓ = 2.91667 → 4 + 0.91667·5 = 8.58333;
	//   type 9: h = 10.25·0.25 + 0.375 = 2.9375 → 4 + 0.9375·5 = 8.6875.
	// hand, p = 0.5: np = 5. type 1: x₍₅₎ = 25; type 2: (25 + 36)/2 = 30.5;
	//   type 3: x₍₅₎ = 25; type 4: 25; types 5–9: h = 5.5 → 30.5.
	tests := []struct {
		q        estimate.QuantileMethod
		p25, p50 float64
	}{
		{estimate.HyndmanFan1, 9, 25},
		{estimate.HyndmanFan2, 9, 30.5},
		{estimate.HyndmanFan3, 4, 25},
		{estimate.HyndmanFan4, 6.5, 25},
		{estimate.HyndmanFan5, 9, 30.5},
		{estimate.HyndmanFan6, 7.75, 30.5},
		{estimate.HyndmanFan7, 10.75, 30.5},
		{0, 10.75, 30.5}, // the zero value is type 7
		{estimate.HyndmanFan8, 4 + ((10+1.0/3)*0.25+1.0/3-2)*5, 30.5},
		{estimate.HyndmanFan9, 8.6875, 30.5},
	}
	for _, tt := range tests {
		s := indexRun(t, 10, tt.q, func(i int) float64 { return float64((10 - i) * (10 - i)) })
		got := []float64{s.Quantile(0.25), s.Quantile(0.5), s.Quantile(0), s.Quantile(1)}
		want := []float64{tt.p25, tt.p50, 1, 100}
		if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
			t.Errorf("%v: Quantile(0.25, 0.5, 0, 1) mismatch (-want +got):\n%s", tt.q, diff)
		}
	}
	if got := estimate.QuantileMethod(0).String(); got != "Hyndman–Fan type 7" {
		t.Errorf("QuantileMethod(0).String() = %q", got)
	}
}

// TestHyndmanFanPublished checks three definitions against the worked
// examples on the sample {15, 20, 35, 40, 50} in Wikipedia's "Percentile"
// article (the nearest-rank method, and the alternatives noted by NIST,
// whose e-Handbook of Statistical Methods §7.2.6.2 uses the rank p(N+1)):
// the nearest rank ⌈pN⌉ is Hyndman–Fan type 1 and gives
// the 5th, 30th, 40th, 50th and 100th percentiles 15, 20, 20, 35, 50; NIST's
// rank p(N+1) is type 6 and Excel's 1 + p(N−1) is type 7, giving the 40th
// percentile as 26 and 29.
func TestHyndmanFanPublished(t *testing.T) {
	sample := []float64{35, 50, 15, 40, 20} // unsorted on purpose
	g := func(i int) float64 { return sample[i] }
	nearest := indexRun(t, 5, estimate.HyndmanFan1, g)
	got := []float64{nearest.Quantile(0.05), nearest.Quantile(0.3), nearest.Quantile(0.4), nearest.Quantile(0.5), nearest.Quantile(1)}
	if diff := cmp.Diff([]float64{15, 20, 20, 35, 50}, got); diff != "" {
		t.Errorf("type 1 percentiles mismatch (-want +got):\n%s", diff)
	}
	got = []float64{indexRun(t, 5, estimate.HyndmanFan6, g).Quantile(0.4), indexRun(t, 5, estimate.HyndmanFan7, g).Quantile(0.4)}
	if diff := cmp.Diff([]float64{26, 29}, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("types 6, 7 40th percentile mismatch (-want +got):\n%s", diff)
	}
}

// TestIntervals checks the equal-tailed and the shortest coverage
// intervals on the sample 0², 1², …, 99².
func TestIntervals(t *testing.T) {
	s := indexRun(t, 100, 0, func(i int) float64 { return float64(i * i) })
	// hand, type 7, p = 0.25: h = 99·0.25 + 1 = 25.75 → 24² + 0.75·(25² − 24²) = 612.75;
	// p = 0.75: h = 75.25 → 74² + 0.25·(75² − 74²) = 5513.25.
	lo, hi := s.Interval(0.5)
	if diff := cmp.Diff([2]float64{612.75, 5513.25}, [2]float64{lo, hi}); diff != "" {
		t.Errorf("Interval(0.5) mismatch (-want +got):\n%s", diff)
	}
	// JCGM 101:2008 §7.7.2: q = pM = 50 and the width y₍ᵣ₊₅₀₎ − y₍ᵣ₎ grows
	// with r for an increasing density of gaps, so r = 1: [0², 50²].
	lo, hi = s.ShortestInterval(0.5)
	if diff := cmp.Diff([2]float64{0, 2500}, [2]float64{lo, hi}); diff != "" {
		t.Errorf("ShortestInterval(0.5) mismatch (-want +got):\n%s", diff)
	}
	// hand: mean of k² for k = 0..99 is 99·100·199/6/100 = 3283.5.
	if got := s.Mean(); got != 3283.5 {
		t.Errorf("Mean() = %v, want 3283.5", got)
	}
	if lo, hi := s.ShortestInterval(1.5); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("ShortestInterval(1.5) = %v, %v; want NaN", lo, hi)
	}
	if got, want := s.StdErr(), s.SD()/10; got != want {
		t.Errorf("StdErr() = %v, want SD/√100 = %v", got, want)
	}
}

// TestShortestSkewed checks that for a right-skewed output the shortest
// interval is shorter than the equal-tailed one and lies to its left
// (JCGM 101:2008 §7.7.2, note 2; §9.4.2.2 for an asymmetric output).
func TestShortestSkewed(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.LogNormal(0, 1)))
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) { out[0] = d.Value(x) }, estimate.Options{Draws: 50_000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Output(0)
	lo, hi := s.Interval(0.95)
	slo, shi := s.ShortestInterval(0.95)
	if !(shi-slo < hi-lo) || !(slo < lo) || !(shi < hi) {
		t.Errorf("shortest [%v, %v], equal-tailed [%v, %v]", slo, shi, lo, hi)
	}
}

func TestSummaryString(t *testing.T) {
	s := indexRun(t, 101, 0, func(i int) float64 { return float64(i) * 1e4 })
	// hand, type 7: median x₍₅₁₎ = 500k; 5% h = 6 → 50k; 95% h = 96 → 950k.
	if diff := cmp.Diff("500k (90%: 50k–950k)", s.String()); diff != "" {
		t.Errorf("String() mismatch (-want +got):\n%s", diff)
	}
}

func TestSummaryCDF(t *testing.T) {
	s := indexRun(t, 100, 0, func(i int) float64 { return float64(i * i) })
	// hand: 0², …, 50² are ≤ 2500: 51 of 100; none is below 0; all ≤ 99².
	got := []float64{s.CDF(2500), s.CDF(2499.9), s.CDF(-1), s.CDF(9801)}
	if diff := cmp.Diff([]float64{0.51, 0.50, 0, 1}, got); diff != "" {
		t.Errorf("CDF mismatch (-want +got):\n%s", diff)
	}
}

// TestSummaryEstimate checks that an output turned into an Estimate has
// the type 7 quantiles of the sample and carries the inputs' sources.
func TestSummaryEstimate(t *testing.T) {
	bell := exodus.Source{Publisher: "The Bell"}
	zois := exodus.Source{Publisher: "ZOiS"}
	m := estimate.NewModel()
	n := m.Input(must(t)(estimate.Between(600e3, 1e6)).WithSources(bell))
	it := m.Input(must(t)(estimate.ShareBetween(0.27, 0.45)).WithSources(zois, bell))
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(n) * d.Value(it)
	}, estimate.Options{Draws: 5000, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Output(0)
	e := s.Estimate()
	for _, p := range []float64{0, 0.01, 0.3, 0.5, 0.77, 1} {
		if got, want := e.Quantile(p), s.Quantile(p); !closeRel(got, want, 1e-12) {
			t.Errorf("Estimate().Quantile(%v) = %v, Summary %v", p, got, want)
		}
	}
	if diff := cmp.Diff([]exodus.Source{bell, zois}, e.Sources()); diff != "" {
		t.Errorf("Sources mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]exodus.Source{bell, zois}, res.Sources()); diff != "" {
		t.Errorf("Result.Sources mismatch (-want +got):\n%s", diff)
	}
	if !closeRel(e.Mean(), s.Mean(), 1e-3) {
		t.Errorf("Estimate().Mean() = %v, sample mean %v", e.Mean(), s.Mean())
	}
	if !(estimate.Summary{}).Estimate().IsZero() {
		t.Error("zero Summary gave a non-zero Estimate")
	}
}

// TestResultSeed checks that a result records its seed, and that the seed
// and the draw count reproduce it bit for bit (the audit the accessor is
// for), for a fixed and an adaptive run.
func TestResultSeed(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Between(600e3, 1e6)))
	f := func(d *estimate.Draw, out []float64) { out[0] = d.Value(x) }
	tests := []struct {
		name string
		opt  estimate.Options
	}{
		{"zero Options", estimate.Options{Draws: 2000}},
		{"seed", estimate.Options{Draws: 3000, Seed: 1 << 63}},
		{"adaptive", estimate.Options{Tolerance: 0.5, Draws: 1000, Seed: 42}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := m.Run(context.Background(), 1, f, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Seed(); got != tt.opt.Seed {
				t.Errorf("Seed() = %d, want %d", got, tt.opt.Seed)
			}
			again, err := m.Run(context.Background(), 1, f, estimate.Options{Seed: res.Seed(), Draws: res.Draws()})
			if err != nil {
				t.Fatal(err)
			}
			if !sameBits([][]float64{res.Output(0).Samples()}, [][]float64{again.Output(0).Samples()}) {
				t.Error("a run with Seed() and Draws() does not reproduce the result")
			}
		})
	}
}
