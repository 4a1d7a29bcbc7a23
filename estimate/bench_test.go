package estimate_test

import (
	"context"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// The benchmarks run each model through the engine and through a
// hand-written loop of the same model: the same generator (ChaCha8), the
// same samplers, every draw stored per output and the mean and SD of each
// output computed, on one core and on all cores. The ratio of their
// draws/s is the engine's overhead.

const benchDraws = 100_000

func reportDraws(b *testing.B, draws int) {
	b.ReportMetric(float64(draws)*float64(b.N)/b.Elapsed().Seconds(), "draws/s")
}

func workerCounts() []int {
	if n := runtime.GOMAXPROCS(0); n > 1 {
		return []int{1, n}
	}
	return []int{1}
}

// --- the 4-input additive model of JCGM 101 §9.2 ---

func BenchmarkAdditiveEngine(b *testing.B) {
	n := must(b)(estimate.Normal(0, 1))
	m, f := additive(b, n, n, n, n)
	for _, w := range workerCounts() {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: benchDraws, Workers: w})
				if err != nil {
					b.Fatal(err)
				}
				_ = res.Output(0).SD()
			}
			reportDraws(b, benchDraws)
		})
	}
}

func BenchmarkAdditiveHand(b *testing.B) {
	for _, w := range workerCounts() {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				col := make([]float64, benchDraws)
				handParallel(w, benchDraws, func(r *rand.Rand, lo, hi int) {
					for i := lo; i < hi; i++ {
						col[i] = r.NormFloat64() + r.NormFloat64() + r.NormFloat64() + r.NormFloat64()
					}
				})
				_, _ = handMeanSD(col)
			}
			reportDraws(b, benchDraws)
		})
	}
}

// --- lognormal total × Dirichlet split into 21 sectors × 4 skill levels ---

const benchOutputs = 84

func benchAlpha() []float64 {
	alpha := make([]float64, benchOutputs)
	for i := range alpha {
		alpha[i] = 1 + float64(i%9) // every shape ≥ 1
	}
	return alpha
}

func BenchmarkLogNormalDirichletEngine(b *testing.B) {
	total := must(b)(estimate.Between(600e3, 1e6))
	split := mustC(b)(estimate.Dirichlet(benchAlpha()))
	m := estimate.NewModel()
	t := m.Input(total)
	s := m.Shares(split)
	f := func(d *estimate.Draw, out []float64) {
		n := d.Value(t)
		for i, x := range d.Shares(s) {
			out[i] = n * x
		}
	}
	for _, w := range workerCounts() {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Run(context.Background(), benchOutputs, f, estimate.Options{Draws: benchDraws, Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			reportDraws(b, benchDraws)
		})
	}
}

func BenchmarkLogNormalDirichletHand(b *testing.B) {
	alpha := benchAlpha()
	mu := (math.Log(600e3) + math.Log(1e6)) / 2
	sigma := (math.Log(1e6) - math.Log(600e3)) / (2 * 1.6448536269514722)
	for _, w := range workerCounts() {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cols := make([][]float64, benchOutputs)
				for o := range cols {
					cols[o] = make([]float64, benchDraws)
				}
				handParallel(w, benchDraws, func(r *rand.Rand, lo, hi int) {
					var g [benchOutputs]float64
					for i := lo; i < hi; i++ {
						n := math.Exp(mu + sigma*r.NormFloat64())
						sum := 0.0
						for k, a := range alpha {
							g[k] = handGamma(r, a)
							sum += g[k]
						}
						for k := range g {
							cols[k][i] = n * g[k] / sum
						}
					}
				})
				for _, c := range cols {
					_, _ = handMeanSD(c)
				}
			}
			reportDraws(b, benchDraws)
		})
	}
}

// handParallel splits n draws over w goroutines, each with its own ChaCha8.
func handParallel(w, n int, body func(r *rand.Rand, lo, hi int)) {
	var wg sync.WaitGroup
	per := (n + w - 1) / w
	for k := range w {
		wg.Go(func() {
			var key [32]byte
			binary.LittleEndian.PutUint64(key[:], uint64(k))
			r := rand.New(rand.NewChaCha8(key))
			body(r, k*per, min(n, (k+1)*per))
		})
	}
	wg.Wait()
}

// handGamma is Marsaglia and Tsang's Gamma(a, 1) sampler for a ≥ 1.
func handGamma(r *rand.Rand, a float64) float64 {
	d := a - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

func handMeanSD(x []float64) (mean, sd float64) {
	s := 0.0
	for _, v := range x {
		s += v
	}
	mean = s / float64(len(x))
	ss := 0.0
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}

// BenchmarkSample measures one draw of each family.
func BenchmarkSample(b *testing.B) {
	es := map[string]estimate.Estimate{
		"normal":       must(b)(estimate.Normal(0, 1)),
		"lognormal":    must(b)(estimate.Between(600e3, 1e6)),
		"PERT":         must(b)(estimate.PERT(1, 2, 10)),
		"logit-normal": must(b)(estimate.ShareBetween(0.27, 0.45)),
		"mixture":      must(b)(estimate.Pool(estimate.LinearPool, must(b)(estimate.Between(300e3, 3e6)), must(b)(estimate.Between(600e3, 1e6)))),
	}
	for name, e := range es {
		b.Run(name, func(b *testing.B) {
			r := rand.New(rand.NewChaCha8([32]byte{}))
			b.ReportAllocs()
			for b.Loop() {
				_ = e.Sample(r)
			}
		})
	}
}

// BenchmarkSummaryQuantile measures the first quantile of a fresh result,
// which selects the order statistics it needs from the unsorted draws.
func BenchmarkSummaryQuantile(b *testing.B) {
	n := must(b)(estimate.Normal(0, 1))
	m, f := additive(b, n, n, n, n)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: benchDraws})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		_ = res.Output(0).Quantile(0.95)
	}
}

// BenchmarkCompositionSample measures one draw of 84 Dirichlet shares
// (21 sectors × 4 skill levels), the inner loop of the lognormal ×
// Dirichlet model.
func BenchmarkCompositionSample(b *testing.B) {
	c := mustC(b)(estimate.Dirichlet(benchAlpha()))
	r := rand.New(rand.NewChaCha8([32]byte{}))
	dst := make([]float64, c.Len())
	b.ReportAllocs()
	for b.Loop() {
		c.Sample(r, dst)
	}
}
