package estimate_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/exodus-lab/exodus/estimate"
)

// additive declares JCGM 101:2008 §9.2's additive model Y = X1 + X2 + X3 + X4
// with the given inputs.
func additive(t testing.TB, inputs ...estimate.Estimate) (*estimate.Model, estimate.Func) {
	m := estimate.NewModel()
	var xs [4]estimate.Var
	for i := range xs {
		xs[i] = m.Input(inputs[i])
	}
	return m, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(xs[0]) + d.Value(xs[1]) + d.Value(xs[2]) + d.Value(xs[3])
	}
}

// TestJCGMAdditive reproduces JCGM 101:2008 §9.2 (additive model), whose
// Monte Carlo results with M = 10⁶ are, for four standard normal inputs
// (§9.2.2, table 2): u(y) = 2.00 and the probabilistically symmetric 95%
// coverage interval [−3.92, 3.92]; and for four rectangular inputs with
// zero mean and standard deviation 1 (§9.2.3, table 3): u(y) = 2.00 and
// [−3.88, 3.88]. The tolerance is the table's rounding (0.005) plus four
// Monte Carlo standard errors of a 97.5% quantile, √(p(1−p)/M)/f(y).
func TestJCGMAdditive(t *testing.T) {
	draws := 1_000_000
	if testing.Short() {
		draws = 200_000
	}
	normal := must(t)(estimate.Normal(0, 1))
	rect := must(t)(estimate.Uniform(-math.Sqrt(3), math.Sqrt(3)))
	tests := []struct {
		name     string
		in       estimate.Estimate
		u, bound float64
		density  float64 // density of Y at the bound, for the tolerance
	}{
		// Y ~ N(0, 2²): density at 3.92 is φ(1.96)/2.
		{"normal", normal, 2.00, 3.92, math.Exp(-1.96*1.96/2) / math.Sqrt(2*math.Pi) / 2},
		// Y = 2√3(X − 2) with X the Irwin–Hall sum of four U(0, 1), whose
		// density on [3, 4] is (4 − x)³/6 (hand): at y = 3.88,
		// x = 2 + 3.88/(2√3) and f_Y(y) = f_X(x)/(2√3) ≈ 0.0328.
		{"rectangular", rect, 2.00, 3.88, math.Pow(4-(2+3.88/(2*math.Sqrt(3))), 3) / 6 / (2 * math.Sqrt(3))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, f := additive(t, tt.in, tt.in, tt.in, tt.in)
			res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: draws, Seed: 2008})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Output(0)
			se := math.Sqrt(0.975*0.025/float64(draws)) / tt.density
			tol := 0.005 + 4*se
			if got := s.SD(); math.Abs(got-tt.u) > 0.005+4*tt.u/math.Sqrt(2*float64(draws)) {
				t.Errorf("u(y) = %.4f, JCGM %.2f", got, tt.u)
			}
			if got := s.Mean(); math.Abs(got) > 5*s.StdErr() {
				t.Errorf("y = %.4f, JCGM 0.00 (StdErr %.4f)", got, s.StdErr())
			}
			lo, hi := s.Interval(0.95)
			if math.Abs(lo+tt.bound) > tol || math.Abs(hi-tt.bound) > tol {
				t.Errorf("95%% interval = [%.4f, %.4f], JCGM ±%.2f (tolerance %.4f)", lo, hi, tt.bound, tol)
			}
			// For a symmetric output the shortest interval (JCGM §7.7.2)
			// coincides with the symmetric one up to Monte Carlo noise.
			slo, shi := s.ShortestInterval(0.95)
			if math.Abs(slo+tt.bound) > 2*tol || math.Abs(shi-tt.bound) > 2*tol {
				t.Errorf("shortest 95%% interval = [%.4f, %.4f], JCGM ±%.2f", slo, shi, tt.bound)
			}
			t.Logf("M = %d: u(y) = %.4f, 95%% [%.4f, %.4f], shortest [%.4f, %.4f]", draws, s.SD(), lo, hi, slo, shi)
		})
	}
}

// reproModel is a model with every kind of input: families, a pool, a
// Dirichlet and range shares.
func reproModel(t testing.TB) (*estimate.Model, estimate.Func, int) {
	m := estimate.NewModel()
	a := m.Input(must(t)(estimate.Between(600e3, 1e6)))
	b := m.Input(must(t)(estimate.PERT(0.01, 0.015, 0.03)))
	pooled := must(t)(estimate.Pool(estimate.LinearPool, must(t)(estimate.Between(300e3, 3e6)), must(t)(estimate.Between(600e3, 1e6))))
	c := m.Input(pooled)
	tab := m.Input(must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.Normal(0, 1)), must(t)(estimate.Uniform(-1, 1)))))
	sh := m.Shares(mustC(t)(estimate.Dirichlet([]float64{0.5, 2, 7, 1.5})))
	rs := m.Shares(mustC(t)(estimate.RangeShares([]estimate.Estimate{
		must(t)(estimate.ShareBetween(0.27, 0.45)), must(t)(estimate.Uniform(0.1, 0.3)), must(t)(estimate.Beta(2, 8)),
	})))
	const outputs = 9
	return m, func(d *estimate.Draw, out []float64) {
		s := d.Shares(sh)
		r := d.Shares(rs)
		out[0] = d.Value(a) * d.Value(b)
		out[1] = d.Value(c) + d.Value(tab)
		for i, x := range s {
			out[2+i] = d.Value(a) * x
		}
		for i, x := range r {
			out[6+i] = x
		}
	}, outputs
}

// TestReproducible checks that the same seed gives bit-identical samples
// whatever GOMAXPROCS and the number of workers.
func TestReproducible(t *testing.T) {
	m, f, outputs := reproModel(t)
	draws := 20_500 // not a multiple of the chunk size
	run := func(procs, workers int) [][]float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: draws, Seed: 42, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		var all [][]float64
		for i := range res.Len() {
			all = append(all, res.Output(i).Samples())
		}
		return all
	}
	want := run(1, 0)
	for _, c := range []struct{ procs, workers int }{{4, 0}, {1, 3}, {4, 7}, {2, 1}} {
		got := run(c.procs, c.workers)
		if !sameBits(want, got) {
			// cmp.Diff is empty when only the bits differ (0 and -0).
			t.Errorf("GOMAXPROCS=%d Workers=%d differs from GOMAXPROCS=1 (-want +got):\n%.2000s", c.procs, c.workers, cmp.Diff(want, got))
		}
	}
	other, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: draws, Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	if other.Output(0).Samples()[0] == want[0][0] {
		t.Error("seeds 42 and 43 gave the same first draw")
	}
}

// sameBits reports whether a and b hold bit-identical values.
func sameBits(a, b [][]float64) bool {
	return slices.EqualFunc(a, b, func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(u, v float64) bool { return math.Float64bits(u) == math.Float64bits(v) })
	})
}

// TestPrefix checks that the first n draws do not depend on the total.
func TestPrefix(t *testing.T) {
	m, f, outputs := reproModel(t)
	short, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 2_345, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	long, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 7_000, Seed: 5, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	for o := range outputs {
		if diff := cmp.Diff(short.Output(o).Samples(), long.Output(o).Samples()[:2_345]); diff != "" {
			t.Errorf("output %d: prefix differs (-short +long):\n%.1000s", o, diff)
		}
	}
}

// TestSameDraw checks that an input read twice in a draw has one value:
// x − x = 0 and x·x = x² exactly, unlike engines that resample per use.
func TestSameDraw(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Normal(0, 1)))
	sh := m.Shares(mustC(t)(estimate.Dirichlet([]float64{1, 1, 1})))
	res, err := m.Run(context.Background(), 3, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(x) - d.Value(x)
		v := d.Value(x)
		out[1] = d.Value(x)*d.Value(x) - v*v
		out[2] = d.Shares(sh)[1] - d.Shares(sh)[1]
	}, estimate.Options{Draws: 5000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for o := range 3 {
		for i, v := range res.Output(o).Samples() {
			if v != 0 {
				t.Fatalf("output %d draw %d = %v, want 0", o, i, v)
			}
		}
	}
}

// TestNoPerDrawAllocation checks that the allocations of a run do not grow
// with the number of draws.
func TestNoPerDrawAllocation(t *testing.T) {
	m, f, outputs := reproModel(t)
	for _, workers := range []int{1, 2} {
		allocs := func(draws int) float64 {
			return testing.AllocsPerRun(3, func() {
				if _, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: draws, Workers: workers}); err != nil {
					t.Fatal(err)
				}
			})
		}
		small, large := allocs(2_000), allocs(40_000)
		if large > small {
			t.Errorf("Workers=%d: %v allocations for 2,000 draws, %v for 40,000", workers, small, large)
		}
	}
}

func TestProgress(t *testing.T) {
	m, f, outputs := reproModel(t)
	for _, workers := range []int{1, 3} {
		var calls, last, total int
		_, err := m.Run(context.Background(), outputs, f, estimate.Options{
			Draws: 10_500, Workers: workers,
			Progress: func(done, tot int) {
				if done <= last {
					t.Errorf("progress went from %d to %d", last, done)
				}
				calls, last, total = calls+1, done, tot
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		// hand: 10,500 draws in chunks of 1000 is 11 chunks.
		if diff := cmp.Diff([3]int{11, 10_500, 10_500}, [3]int{calls, last, total}); diff != "" {
			t.Errorf("Workers=%d: calls, done, total mismatch (-want +got):\n%s", workers, diff)
		}
	}
}

func TestCancel(t *testing.T) {
	m, f, outputs := reproModel(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := m.Run(ctx, outputs, f, estimate.Options{Draws: 5000}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run(cancelled) error = %v, want context.Canceled", err)
	}
	for _, workers := range []int{1, 2} {
		ctx, cancel := context.WithCancel(context.Background())
		done := 0
		_, err := m.Run(ctx, outputs, f, estimate.Options{Draws: 1_000_000, Workers: workers, Progress: func(d, _ int) {
			done = d
			cancel()
		}})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Workers=%d: error = %v, want context.Canceled", workers, err)
		}
		if done > 100_000 {
			t.Errorf("Workers=%d: %d draws done after cancelling at the first chunk", workers, done)
		}
		cancel()
	}
	// An adaptive run that could go on to 10⁶ draws stops in its first block.
	ctx, cancel = context.WithCancel(context.Background())
	done := 0
	res, err := m.Run(ctx, outputs, f, estimate.Options{Tolerance: 1e-9, Workers: 2, Progress: func(d, _ int) {
		done = d
		cancel()
	}})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("adaptive: Run() = %v, %v; want nil, context.Canceled", res, err)
	}
	// hand: the first block is 10,000 draws (JCGM 101 §7.9.2).
	if done > 10_000 {
		t.Errorf("adaptive: %d draws done after cancelling at the first chunk", done)
	}
}

// TestNotFinite checks that a NaN output is an error naming the first bad
// draw, the same for any number of workers.
func TestNotFinite(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Normal(0, 1)))
	f := func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(x)
		out[1] = 1
		if i := d.Index(); i == 12_345 || i == 30_001 {
			out[1] = math.NaN()
		}
		if d.Index() == 40_000 {
			out[0] = math.Inf(1)
		}
	}
	for _, workers := range []int{1, 4} {
		_, err := m.Run(context.Background(), 2, f, estimate.Options{Draws: 50_000, Workers: workers})
		if !errors.Is(err, estimate.ErrNotFinite) {
			t.Fatalf("Workers=%d: error = %v, want ErrNotFinite", workers, err)
		}
		oe, ok := errors.AsType[*estimate.OutputError](err)
		if !ok {
			t.Fatalf("error %v is not an *OutputError", err)
		}
		if diff := cmp.Diff([2]int{12_345, 1}, [2]int{oe.Draw, oe.Output}); diff != "" {
			t.Errorf("Workers=%d: draw, output mismatch (-want +got):\n%s", workers, diff)
		}
	}
}

func TestRunBadInput(t *testing.T) {
	ok := func(d *estimate.Draw, out []float64) { out[0] = 1 }
	m := estimate.NewModel()
	m.Input(must(t)(estimate.Normal(0, 1)))
	zero := estimate.NewModel()
	zero.Input(estimate.Estimate{})
	zeroC := estimate.NewModel()
	zeroC.Shares(estimate.Composition{})
	tests := []struct {
		name    string
		m       *estimate.Model
		outputs int
		f       estimate.Func
		opt     estimate.Options
	}{
		{"outputs 0", m, 0, ok, estimate.Options{}},
		{"nil func", m, 1, nil, estimate.Options{}},
		{"negative draws", m, 1, ok, estimate.Options{Draws: -1}},
		{"negative workers", m, 1, ok, estimate.Options{Workers: -2}},
		{"NaN tolerance", m, 1, ok, estimate.Options{Tolerance: math.NaN()}},
		{"negative tolerance", m, 1, ok, estimate.Options{Tolerance: -0.1}},
		{"coverage 1", m, 1, ok, estimate.Options{Coverage: 1}},
		{"quantile type 10", m, 1, ok, estimate.Options{Quantile: 10}},
		{"MaxDraws below two blocks", m, 1, ok, estimate.Options{Tolerance: 0.1, Draws: 1000, MaxDraws: 1500}},
		{"huge", m, 1 << 40, ok, estimate.Options{Draws: 1 << 30}},
		// hand: 2⁵⁰ draws of 8 bytes exceed the 2⁴⁸-byte address space, so
		// allocating them would panic in makeslice.
		{"huge draws", m, 1, ok, estimate.Options{Draws: 1 << 50}},
		{"huge adaptive cap", m, 2, ok, estimate.Options{Tolerance: 0.1, MaxDraws: 1 << 37}},
		// Rounding a block of math.MaxInt up to whole chunks would overflow.
		{"adaptive block huge", m, 1, ok, estimate.Options{Tolerance: 0.1, Draws: math.MaxInt}},
		{"adaptive block above MaxDraws", m, 1, ok, estimate.Options{Tolerance: 0.1, Draws: math.MaxInt - 10, MaxDraws: math.MaxInt}},
		{"negative MaxDraws", m, 1, ok, estimate.Options{Tolerance: 0.1, MaxDraws: -1}},
		{"negative outputs", m, -3, ok, estimate.Options{}},
		{"coverage negative", m, 1, ok, estimate.Options{Coverage: -0.5}},
		{"coverage NaN", m, 1, ok, estimate.Options{Coverage: math.NaN()}},
		{"infinite tolerance", m, 1, ok, estimate.Options{Tolerance: math.Inf(1)}},
		{"quantile type -1", m, 1, ok, estimate.Options{Quantile: -1}},
		{"zero Estimate input", zero, 1, ok, estimate.Options{}},
		{"zero Composition input", zeroC, 1, ok, estimate.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.m.Run(context.Background(), tt.outputs, tt.f, tt.opt)
			if !errors.Is(err, estimate.ErrInvalid) || res != nil {
				t.Errorf("Run() = %v, %v; want nil, ErrInvalid", res, err)
			}
		})
	}
}

// TestAdaptive checks the JCGM 101:2008 §7.9 adaptive procedure on the
// additive model: it converges, uses whole blocks, and its result is the
// fixed-size run of the same number of draws.
func TestAdaptive(t *testing.T) {
	n := must(t)(estimate.Normal(0, 1))
	m, f := additive(t, n, n, n, n)
	opt := estimate.Options{Tolerance: 0.1, Seed: 9, Draws: 5_000}
	res, err := m.Run(context.Background(), 1, f, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Converged() || res.Draws()%5_000 != 0 || res.Draws() < 10_000 {
		t.Errorf("Converged, Draws = %v, %d; want true and a multiple of 5000 ≥ 10000", res.Converged(), res.Draws())
	}
	fixed, err := m.Run(context.Background(), 1, f, estimate.Options{Seed: 9, Draws: res.Draws()})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fixed.Output(0).Samples(), res.Output(0).Samples()); diff != "" {
		t.Errorf("adaptive differs from a fixed run of %d draws:\n%.1000s", res.Draws(), diff)
	}
	// The stopping rule sees the same blocks whatever the parallelism.
	for _, workers := range []int{1, 3} {
		opt := opt
		opt.Workers = workers
		other, err := m.Run(context.Background(), 1, f, opt)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := [][]float64{res.Output(0).Samples()}, [][]float64{other.Output(0).Samples()}; !sameBits(a, b) {
			t.Errorf("Workers=%d: adaptive run of %d draws differs from the default's %d", workers, other.Draws(), res.Draws())
		}
	}
	// A tighter tolerance needs more draws: the block spread falls as
	// 1/√h, and the 97.5% quantile alone needs about 28/Tolerance² draws
	// (hand: its standard error is 2.7σ/√n for a normal output).
	tight, err := m.Run(context.Background(), 1, f, estimate.Options{Tolerance: 0.01, Seed: 9, Draws: 5_000})
	if err != nil {
		t.Fatal(err)
	}
	if tight.Draws() <= res.Draws() {
		t.Errorf("Tolerance 0.01 used %d draws, 0.1 used %d", tight.Draws(), res.Draws())
	}
	t.Logf("Tolerance 0.1: %d draws; 0.01: %d draws", res.Draws(), tight.Draws())

	capped, err := m.Run(context.Background(), 1, f, estimate.Options{Tolerance: 1e-4, Seed: 9, Draws: 1_000, MaxDraws: 3_000})
	if !errors.Is(err, estimate.ErrNotConverged) {
		t.Fatalf("error = %v, want ErrNotConverged", err)
	}
	if capped == nil || capped.Converged() || capped.Draws() != 3_000 {
		t.Errorf("capped result = %+v, want 3000 draws, not converged", capped)
	}
}

func TestOutputOutOfRange(t *testing.T) {
	m, f, outputs := reproModel(t)
	res, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 100})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Output(outputs)
	lo, hi := s.ShortestInterval(0.9)
	if s.Draws() != 0 || !math.IsNaN(s.Mean()) || !math.IsNaN(s.Quantile(0.5)) || !math.IsNaN(lo) || !math.IsNaN(hi) || s.Samples() != nil {
		t.Errorf("Output(%d) = %v, want the empty Summary", outputs, s)
	}
}

// TestSampleNoAlloc checks that drawing from any family, a pool or a
// composition does not allocate.
func TestSampleNoAlloc(t *testing.T) {
	r := rand.New(rand.NewChaCha8([32]byte{}))
	es := []estimate.Estimate{
		must(t)(estimate.Triangular(1, 2, 10)),
		must(t)(estimate.PERT(1, 2, 10)),
		must(t)(estimate.Beta(0.5, 3)),
		must(t)(estimate.ShareBetween(0.27, 0.45)),
		must(t)(estimate.Pool(estimate.LinearPool, must(t)(estimate.Between(300e3, 3e6)), must(t)(estimate.Between(600e3, 1e6)))),
		must(t)(estimate.Pool(estimate.LogPool, must(t)(estimate.Normal(0, 1)), must(t)(estimate.Uniform(-1, 1)))),
	}
	for _, e := range es {
		if n := testing.AllocsPerRun(100, func() { _ = e.Sample(r) }); n != 0 {
			t.Errorf("%s: Sample allocates %v times", e.Family(), n)
		}
	}
	c := mustC(t)(estimate.Dirichlet([]float64{0.5, 2, 3}))
	dst := make([]float64, 3)
	if n := testing.AllocsPerRun(100, func() { c.Sample(r, dst) }); n != 0 {
		t.Errorf("Composition.Sample allocates %v times", n)
	}
}

// TestConcurrentUse runs one model from several goroutines and reads one
// result's quantiles concurrently (run with -race).
func TestConcurrentUse(t *testing.T) {
	m, f, outputs := reproModel(t)
	res, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 3000, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	want := res.Output(1).Quantile(0.9)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			other, err := m.Run(context.Background(), outputs, f, estimate.Options{Draws: 3000, Seed: 8, Workers: 2})
			if err != nil {
				t.Error(err)
				return
			}
			if got := other.Output(1).Quantile(0.9); got != want {
				t.Errorf("concurrent run: Quantile(0.9) = %v, want %v", got, want)
			}
		})
		wg.Go(func() {
			if got := res.Output(1).Quantile(0.9); got != want {
				t.Errorf("concurrent Quantile(0.9) = %v, want %v", got, want)
			}
		})
	}
	wg.Wait()
}

// TestPanicReachesCaller checks that a panic in the model, which runs in a
// worker goroutine, is re-raised where the caller can recover it.
func TestPanicReachesCaller(t *testing.T) {
	other := estimate.NewModel()
	foreign := other.Input(must(t)(estimate.Normal(0, 1)))
	m := estimate.NewModel()
	m.Input(must(t)(estimate.Normal(0, 1)))
	for _, workers := range []int{1, 3} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Workers=%d: reading another model's Var did not panic", workers)
				}
			}()
			_, _ = m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
				out[0] = d.Value(foreign)
			}, estimate.Options{Draws: 5000, Workers: workers})
		}()
	}
}

// TestProgressPanic checks that a panic in the progress callback reaches
// the caller and leaves no worker blocked sending progress: the number of
// goroutines returns to what it was (polled, as exiting goroutines take a
// moment to be counted out; without the fix they never exit).
func TestProgressPanic(t *testing.T) {
	m, f, outputs := reproModel(t)
	before := runtime.NumGoroutine()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a panicking Progress did not panic in Run's caller")
			}
		}()
		_, _ = m.Run(context.Background(), outputs, f, estimate.Options{Draws: 200_000, Workers: 2, Progress: func(int, int) {
			panic("progress")
		}})
	}()
	for range 1000 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines before Run, %d ten seconds after its panic", before, runtime.NumGoroutine())
}

// TestVectorOutput checks a lognormal total split by a Dirichlet into 84
// outputs (21 sectors × 4 skill levels) against the analytic moments:
// with N and S independent, E[N·Sᵢ] = E[N]·αᵢ/α₀ (hand), and the outputs
// add up to the total in every draw.
func TestVectorOutput(t *testing.T) {
	alpha := make([]float64, 84)
	a0 := 0.0
	for i := range alpha {
		alpha[i] = 0.5 + float64(i%9)
		a0 += alpha[i]
	}
	total := must(t)(estimate.Between(600e3, 1e6))
	m := estimate.NewModel()
	n := m.Input(total)
	s := m.Shares(mustC(t)(estimate.Dirichlet(alpha)))
	res, err := m.Run(context.Background(), 85, func(d *estimate.Draw, out []float64) {
		sum := 0.0
		for i, x := range d.Shares(s) {
			out[i] = d.Value(n) * x
			sum += x
		}
		out[84] = sum
	}, estimate.Options{Draws: 20_000, Seed: 84})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range alpha {
		o := res.Output(i)
		if want := total.Mean() * a / a0; math.Abs(o.Mean()-want) > 5*o.StdErr() {
			t.Errorf("output %d: mean %v, want %v ± %v", i, o.Mean(), want, 5*o.StdErr())
		}
	}
	if sums := res.Output(84); sums.Quantile(0) != 1 || sums.Quantile(1) != 1 {
		t.Errorf("shares summed to [%v, %v] across draws, want exactly 1", sums.Quantile(0), sums.Quantile(1))
	}
}

// A nil *Result reads as an empty result: no outputs, no draws, no run.
func TestResultNil(t *testing.T) {
	t.Parallel()
	var r *estimate.Result
	type view struct {
		Len, Draws                int
		Seed                      uint64
		Converged                 bool
		NoSources, ZeroOutput     bool
		OutputDraws               int
		OutputMeanNaN, OutputNeg1 bool
	}
	got := view{
		Len: r.Len(), Draws: r.Draws(), Seed: r.Seed(), Converged: r.Converged(),
		NoSources: r.Sources() == nil, ZeroOutput: r.Output(0).Draws() == 0,
		OutputDraws: r.Output(-1).Draws(), OutputMeanNaN: math.IsNaN(r.Output(0).Mean()),
		OutputNeg1: math.IsNaN(r.Output(-1).Quantile(0.5)),
	}
	// An empty result: no outputs, no draws, seed 0, no run to converge, no
	// sources; every Output is the zero Summary, whose statistics are NaN.
	want := view{NoSources: true, ZeroOutput: true, OutputMeanNaN: true, OutputNeg1: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("nil *Result mismatch (-want +got):\n%s", diff)
	}
}

// A cancelled run says how many draws were done and how many were planned:
// for an adaptive run, MaxDraws, not the block size.
func TestCancelMessage(t *testing.T) {
	t.Parallel()
	m, f, outputs := reproModel(t)
	for _, tt := range []struct {
		opt  estimate.Options
		want string
	}{
		// hand: cancelled before the first chunk, so 0 draws of the plan
		{estimate.Options{Draws: 5000, Workers: 1}, "after 0 of 5000 draws"},
		{estimate.Options{Draws: 5000, Workers: 2}, "after 0 of 5000 draws"},
		{estimate.Options{Tolerance: 0.01, Draws: 2000, MaxDraws: 50_000, Workers: 2}, "after 0 of up to 50000 draws"},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := m.Run(ctx, outputs, f, tt.opt)
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Run(%+v, cancelled) error = %v, want context.Canceled saying %q", tt.opt, err, tt.want)
		}
	}
}
