package bench_test

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// Two more models through the engine and through a hand-written loop of
// the same model: the same generator (ChaCha8), the same samplers, every
// draw stored per output and the mean and SD of each output computed, on
// one core and on all cores. The ratio of their draws/s is the engine's
// overhead. (BenchmarkMonteCarlo is the model of issue 12.)

const engineDraws = 100_000

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

func BenchmarkAdditive(b *testing.B) {
	n := estimate.Must(estimate.Normal(0, 1))
	m := estimate.NewModel()
	var xs [4]estimate.Var
	for i := range xs {
		xs[i] = m.Input(n)
	}
	f := func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(xs[0]) + d.Value(xs[1]) + d.Value(xs[2]) + d.Value(xs[3])
	}
	for _, w := range workerCounts() {
		b.Run("impl=exodus/workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := m.Run(context.Background(), 1, f, estimate.Options{Draws: engineDraws, Workers: w})
				if err != nil {
					b.Fatal(err)
				}
				_ = res.Output(0).SD()
			}
			reportDraws(b, engineDraws)
		})
		b.Run("impl=hand/workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				col := make([]float64, engineDraws)
				handParallel(w, engineDraws, func(r *rand.Rand, lo, hi int) {
					for i := lo; i < hi; i++ {
						col[i] = r.NormFloat64() + r.NormFloat64() + r.NormFloat64() + r.NormFloat64()
					}
				})
				_, _ = handMeanSD(col)
			}
			reportDraws(b, engineDraws)
		})
	}
}

// --- lognormal total × Dirichlet split into 21 sectors × 4 skill levels ---

const dirichletOutputs = 84

func dirichletAlpha() []float64 {
	alpha := make([]float64, dirichletOutputs)
	for i := range alpha {
		alpha[i] = 1 + float64(i%9) // every shape ≥ 1
	}
	return alpha
}

func BenchmarkLogNormalDirichlet(b *testing.B) {
	alpha := dirichletAlpha()
	m := estimate.NewModel()
	t := m.Input(estimate.Must(estimate.Between(600e3, 1e6)))
	s := m.Shares(estimate.Must(estimate.Dirichlet(alpha)))
	f := func(d *estimate.Draw, out []float64) {
		n := d.Value(t)
		for i, x := range d.Shares(s) {
			out[i] = n * x
		}
	}
	mu := (math.Log(600e3) + math.Log(1e6)) / 2
	sigma := (math.Log(1e6) - math.Log(600e3)) / (2 * 1.6448536269514722)
	for _, w := range workerCounts() {
		b.Run("impl=exodus/workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Run(context.Background(), dirichletOutputs, f, estimate.Options{Draws: engineDraws, Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			reportDraws(b, engineDraws)
		})
		b.Run("impl=hand/workers="+strconv.Itoa(w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cols := make([][]float64, dirichletOutputs)
				for o := range cols {
					cols[o] = make([]float64, engineDraws)
				}
				handParallel(w, engineDraws, func(r *rand.Rand, lo, hi int) {
					var g [dirichletOutputs]float64
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
			reportDraws(b, engineDraws)
		})
	}
}
