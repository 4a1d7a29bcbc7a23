package estimate_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/estimate"
)

// TestGoexitIsAnError is issue 13 row 7: a model func that calls
// runtime.Goexit (as t.FailNow does) on a worker goroutine used to leave
// its chunk at 0 and Run return a nil error.
func TestGoexitIsAnError(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Normal(0, 1)))
	f := func(d *estimate.Draw, out []float64) {
		if d.Index() == 2500 {
			runtime.Goexit()
		}
		out[0] = d.Value(x)
	}
	for _, stream := range []bool{false, true} {
		res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: 10_000, Workers: 4, Stream: stream})
		if !errors.Is(err, estimate.ErrFuncExited) || res != nil {
			t.Errorf("Stream=%v: Run() = %v, %v; want nil, ErrFuncExited", stream, res, err)
		}
	}
}

// TestRunCountsEveryByte is issue 13 row 8: 2³⁷ outputs of one draw passed
// the 2³⁷-value check, then died allocating 2³⁷ slice headers (3 TiB).
func TestRunCountsEveryByte(t *testing.T) {
	m := estimate.NewModel()
	m.Input(must(t)(estimate.Normal(0, 1)))
	ok := func(d *estimate.Draw, out []float64) { out[0] = 1 }
	tests := []struct {
		name    string
		outputs int
		opt     estimate.Options
	}{
		// hand: 2³⁷ × 24-byte headers alone are 3 TiB.
		{"headers", 1 << 37, estimate.Options{Draws: 1}},
		// hand: 2³⁴ outputs × (8 + 24 bytes) = 512 GiB of values and
		// headers, plus the Summary bookkeeping, is over 1 TiB.
		{"headers and values", 1 << 34, estimate.Options{Draws: 1}},
		// hand: a streaming run keeps no draws, but 2³⁰ outputs of a
		// 1000-draw chunk buffer per worker are 8 TiB.
		{"stream buffers", 1 << 30, estimate.Options{Draws: 1000, Stream: true}},
	}
	for _, tt := range tests {
		_, err := m.Run(context.Background(), tt.outputs, ok, tt.opt)
		pe, isParam := errors.AsType[*estimate.ParamError](err)
		if !errors.Is(err, estimate.ErrInvalid) || !isParam || pe.Param != "memory" {
			t.Errorf("%s: error = %v, want a *ParamError on memory", tt.name, err)
		}
	}
}

// TestCancelLatency cancels a run from inside its func and checks that Run
// returns, reporting (not asserting) how long it took: Run checks the
// context before each chunk of 1000 draws, so each worker finishes the
// chunk it is in.
func TestCancelLatency(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Normal(0, 1)))
	for _, workers := range []int{1, 2} {
		for _, stream := range []bool{false, true} {
			ctx, cancel := context.WithCancel(context.Background())
			var at time.Time
			f := func(d *estimate.Draw, out []float64) {
				if d.Index() == 5_000 {
					at = time.Now()
					cancel()
				}
				out[0] = d.Value(x) * d.Value(x)
			}
			_, err := m.Run(ctx, 1, f, estimate.Options{Draws: 10_000_000, Workers: workers, Stream: stream})
			took := time.Since(at)
			cancel()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Workers=%d Stream=%v: error = %v, want context.Canceled", workers, stream, err)
			}
			t.Logf("Workers=%d Stream=%v: Run returned %v after cancel", workers, stream, took)
		}
	}
}

// TestSelectionMatchesSort checks the quantiles found by selection
// against the same Hyndman–Fan definitions applied to a sorted copy (an
// independent path: sort, then index), on samples built to reach every
// level of the radix selection: spread, clustered in one top-16-bit
// bucket, with ties, with both signs and zeros, and constant.
func TestSelectionMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 40_000 // above the size that selects on a copy
	gens := map[string]func(i int) float64{
		"lognormal":  func(int) float64 { return math.Exp(13.5 + 0.5*r.NormFloat64()) },
		"clustered":  func(int) float64 { return 0.5 + 1e-12*r.Float64() },
		"ties":       func(int) float64 { return float64(r.IntN(7)) },
		"signs":      func(int) float64 { return float64(r.IntN(3)-1) * r.ExpFloat64() },
		"constant":   func(int) float64 { return 42 },
		"neg zero":   func(i int) float64 { return math.Copysign(0, float64(i%2)-0.5) },
		"index":      func(i int) float64 { return float64(i) },
		"huge range": func(int) float64 { return math.Ldexp(r.Float64()-0.5, r.IntN(2000)-1000) },
	}
	ps := []float64{0, 1e-9, 0.001, 0.025, 0.05, 0.1, 0.25, 0.5, 0.5 + 1e-9, 0.75, 0.9, 0.95, 0.975, 0.999, 1}
	for name, gen := range gens {
		for _, size := range []int{1, 2, 3, 1000, n} {
			samples := make([]float64, size)
			for i := range samples {
				samples[i] = gen(i)
			}
			m := estimate.NewModel()
			f := func(d *estimate.Draw, out []float64) { out[0] = samples[d.Index()] }
			for _, q := range []estimate.QuantileMethod{estimate.HyndmanFan1, estimate.HyndmanFan2, estimate.HyndmanFan7, estimate.HyndmanFan8} {
				res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: size, Quantile: q})
				if err != nil {
					t.Fatal(err)
				}
				sorted := slices.Clone(samples)
				slices.Sort(sorted)
				s := res.Output(0)
				got := s.Quantiles(ps...)
				for i, p := range ps {
					want := refQuantile(sorted, p, q)
					if got[i] != want || s.Quantile(p) != want {
						t.Errorf("%s n=%d %v: Quantile(%g) = %g and %g, sorted copy gives %g", name, size, q, p, got[i], s.Quantile(p), want)
					}
				}
				if !slices.Equal(s.Samples(), samples) {
					t.Fatalf("%s n=%d: quantiles reordered the draws", name, size)
				}
			}
		}
	}
}

// refQuantile is Hyndman and Fan's definitions 1, 2, 7 and 8 on a sorted
// sample, written from the paper's formulas (Q(p) = (1−γ)x_j + γx_{j+1})
// independently of the package's code.
func refQuantile(x []float64, p float64, q estimate.QuantileMethod) float64 {
	n := float64(len(x))
	at := func(j int) float64 { return x[min(max(j, 1), len(x))-1] }
	var h float64
	switch q {
	case estimate.HyndmanFan1, estimate.HyndmanFan2:
		j := math.Floor(n * p)
		g := n*p - j
		switch {
		case g > 0:
			return at(int(j) + 1)
		case q == estimate.HyndmanFan1 || p == 0 || p == 1:
			return at(max(int(j), 1))
		default:
			return (at(int(j)) + at(int(j)+1)) / 2
		}
	case estimate.HyndmanFan7:
		h = (n-1)*p + 1 // np + m with m = 1 − p
	case estimate.HyndmanFan8:
		h = (n+1.0/3)*p + 1.0/3 // np + m with m = (p + 1)/3
	}
	j := math.Floor(h)
	g := h - j
	if j < 1 {
		return x[0]
	}
	if j >= n {
		return x[len(x)-1]
	}
	if g == 0 {
		return at(int(j))
	}
	return at(int(j)) + g*(at(int(j)+1)-at(int(j)))
}

// TestKeptMemory checks issue 12's memory target: a run that keeps its
// draws, with three quantiles, allocates at most 1.25 times the draws'
// own 8 bytes each (so its peak heap cannot exceed that either).
// runtime.MemStats.TotalAlloc counts every byte allocated.
func TestKeptMemory(t *testing.T) {
	m := estimate.NewModel()
	a := m.Input(must(t)(estimate.Between(600e3, 1.3e6)))
	b := m.Input(must(t)(estimate.Beta(2, 8)))
	f := func(d *estimate.Draw, out []float64) { out[0] = d.Value(a) * d.Value(b) }
	const draws = 1_000_000
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: draws, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Output(0).Quantiles(0.05, 0.5, 0.95)
	runtime.ReadMemStats(&after)
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / (8 * draws)
	t.Logf("allocated %.3f × the draws' size", ratio)
	if ratio > 1.25 {
		t.Errorf("a kept run allocated %.3f × the draws' size, want ≤ 1.25", ratio)
	}
}

// streamModel has outputs of both signs, a zero, a wide lognormal (about
// 23 decades, within the sketch's 28) and a
// narrow one, to exercise every part of the sketch.
func streamModel(t testing.TB) (*estimate.Model, estimate.Func, int) {
	m := estimate.NewModel()
	a := m.Input(must(t)(estimate.Between(600e3, 1.3e6)))
	b := m.Input(must(t)(estimate.Beta(2, 8)))
	c := m.Input(must(t)(estimate.Normal(-1, 3)))
	w := m.Input(must(t)(estimate.LogNormal(0, 6)))
	return m, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(a) * d.Value(b)
		out[1] = d.Value(c)
		out[2] = d.Value(w)
		out[3] = math.Floor(d.Value(c)) // ties, zeros, negatives
		out[4] = 1e-3 + 1e-12*d.Value(b)
	}, 5
}

// TestStreamBound checks the documented error bound of a streaming run
// against the exact quantiles of a run that keeps the same draws: each
// streamed quantile is within StreamAccuracy (relative) of the draw of
// 0-based rank ⌊p(M−1)⌋, found by sorting the kept draws; p = 0 and 1 are
// the exact extremes; mean and SD agree with the kept run's to 1e-12.
func TestStreamBound(t *testing.T) {
	m, f, outputs := streamModel(t)
	const draws = 200_500
	kept, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: draws, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	stream, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: draws, Seed: 7, Stream: true})
	if err != nil {
		t.Fatal(err)
	}
	ps := []float64{0, 1e-4, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.9999, 1}
	for o := range outputs {
		sorted := kept.Output(o).Samples()
		slices.Sort(sorted)
		s := stream.Output(o)
		if s.Samples() != nil || s.Draws() != draws {
			t.Errorf("output %d: a streaming run kept %d samples, reports %d draws", o, len(s.Samples()), s.Draws())
		}
		for _, p := range ps {
			exact := sorted[int(p*float64(draws-1))]
			got := s.Quantile(p)
			bound := estimate.StreamAccuracy * math.Abs(exact) * (1 + 1e-9)
			if p == 0 || p == 1 {
				bound = 0
			}
			if math.Abs(got-exact) > bound {
				t.Errorf("output %d: streamed Quantile(%g) = %g, exact order statistic %g: error %g > bound %g", o, p, got, exact, math.Abs(got-exact), bound)
			}
		}
		k := kept.Output(o)
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"mean", s.Mean(), k.Mean()}, {"SD", s.SD(), k.SD()}} {
			if math.Abs(c.got-c.want) > 1e-12*math.Abs(c.want) {
				t.Errorf("output %d: streamed %s = %.17g, kept %.17g", o, c.name, c.got, c.want)
			}
		}
		// CDF is off by at most the draws in x's bucket: those within 0.1%.
		for _, p := range []float64{0.05, 0.5, 0.95} {
			x := sorted[int(p*float64(draws-1))]
			lo, _ := slices.BinarySearch(sorted, x-estimate.StreamAccuracy*2*math.Abs(x))
			hi, _ := slices.BinarySearch(sorted, x+estimate.StreamAccuracy*2*math.Abs(x))
			exact := kept.Output(o).CDF(x)
			if d := math.Abs(s.CDF(x) - exact); d > float64(hi-lo)/draws+1e-12 {
				t.Errorf("output %d: streamed CDF(%g) = %g, exact %g, more than the %d draws near x apart", o, x, s.CDF(x), exact, hi-lo)
			}
		}
	}
}

// TestStreamReproducible checks that a streaming run is bit-identical for
// any number of workers and GOMAXPROCS, like a run that keeps its draws.
func TestStreamReproducible(t *testing.T) {
	m, f, outputs := streamModel(t)
	run := func(procs, workers int) []float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 30_500, Seed: 3, Workers: workers, Stream: true})
		if err != nil {
			t.Fatal(err)
		}
		var all []float64
		for o := range outputs {
			s := res.Output(o)
			all = append(all, s.Mean(), s.SD(), s.CDF(0.1))
			all = append(all, s.Quantiles(0, 0.05, 0.5, 0.95, 1)...)
		}
		return all
	}
	want := run(1, 1)
	for _, c := range []struct{ procs, workers int }{{2, 0}, {1, 3}, {4, 7}} {
		if got := run(c.procs, c.workers); !sameBits([][]float64{want}, [][]float64{got}) {
			t.Errorf("GOMAXPROCS=%d Workers=%d: %v, want %v", c.procs, c.workers, got, want)
		}
	}
}

// TestStreamOptions checks that streaming refuses adaptive mode.
func TestStreamOptions(t *testing.T) {
	m, f, outputs := streamModel(t)
	_, err := m.Run(context.Background(), outputs, f, estimate.Options{Stream: true, Tolerance: 0.01})
	if !errors.Is(err, estimate.ErrInvalid) {
		t.Errorf("Stream with Tolerance: error = %v, want ErrInvalid", err)
	}
}

// TestStreamBoundedAllocation checks that a streaming run's allocations do
// not grow with the draws: 180 more chunks may add at most a few bucket
// resizes per worker sketch (the range of the draws widens a little as
// more arrive), never one allocation per chunk or draw.
func TestStreamBoundedAllocation(t *testing.T) {
	m := estimate.NewModel()
	u := m.Input(must(t)(estimate.Uniform(1, 2)))
	f := func(d *estimate.Draw, out []float64) { out[0], out[1] = d.Value(u), -d.Value(u) }
	for _, workers := range []int{1, 2} {
		allocs := func(draws int) float64 {
			return testing.AllocsPerRun(2, func() {
				if _, err := m.Run(context.Background(), 2, f, estimate.Options{Draws: draws, Workers: workers, Stream: true}); err != nil {
					t.Fatal(err)
				}
			})
		}
		small, large := allocs(20_000), allocs(200_000)
		// Ten times the draws is 180 more chunks of 1000: an allocation per
		// chunk would add at least 180. The margin of 32 absorbs what the
		// scheduler varies with two workers (a sketch that meets a wider
		// range of values first on one worker grows one more time).
		if large > small+32 {
			t.Errorf("Workers=%d: %v allocations for 20,000 draws, %v for 200,000", workers, small, large)
		}
	}
}

// TestStreamSummary checks the Summary methods of a streaming run that
// have no sample to read: ShortestInterval is NaN, NaN; Estimate
// interpolates 1001 sketch quantiles, so its median is within 0.1% of the
// kept run's draw of rank ⌊(M−1)/2⌋ (its sketch quantile at p = 0.5 is
// that bucket's value, and interpolation at a knot returns it).
func TestStreamSummary(t *testing.T) {
	m, f, _ := streamModel(t)
	kept, err := m.Run(context.Background(), 5, f, estimate.Options{Draws: 50_001, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	stream, err := m.Run(context.Background(), 5, f, estimate.Options{Draws: 50_001, Seed: 9, Stream: true})
	if err != nil {
		t.Fatal(err)
	}
	s := stream.Output(0)
	if lo, hi := s.ShortestInterval(0.9); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("streamed ShortestInterval = %g, %g; want NaN, NaN", lo, hi)
	}
	sorted := kept.Output(0).Samples()
	slices.Sort(sorted)
	exact := sorted[25_000] // hand: ⌊0.5 × 50,000⌋
	if got := s.Estimate().Quantile(0.5); math.Abs(got-exact) > estimate.StreamAccuracy*exact*(1+1e-9) {
		t.Errorf("streamed Estimate().Quantile(0.5) = %g, exact draw %g", got, exact)
	}
	if q := (estimate.Summary{}).Quantiles(0.5); q != nil {
		t.Errorf("zero Summary Quantiles = %v, want nil", q)
	}
}
