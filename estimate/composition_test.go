package estimate_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// TestSharesSumToOne checks that every draw of every kind of composition
// is non-negative and adds up to exactly 1 in index order.
func TestSharesSumToOne(t *testing.T) {
	alpha := make([]float64, 84) // 21 sectors × 4 skill levels
	for i := range alpha {
		alpha[i] = 0.05 + float64(i%7)*0.9
	}
	comps := map[string]estimate.Composition{
		"Dirichlet(84)":   mustC(t)(estimate.Dirichlet(alpha)),
		"Dirichlet(tiny)": mustC(t)(estimate.Dirichlet([]float64{1e-3, 2e-3, 5})),
		"DirichletMean":   mustC(t)(estimate.DirichletMean([]float64{0.36, 0.15, 0.15, 0.15, 0.19}, 50)),
		"RangeShares": mustC(t)(estimate.RangeShares([]estimate.Estimate{
			must(t)(estimate.ShareBetween(0.27, 0.45)), must(t)(estimate.Uniform(0.05, 0.2)),
			must(t)(estimate.PERT(0, 0.1, 0.3)), must(t)(estimate.Point(0.2)),
		})),
		"FixedShares": mustC(t)(estimate.FixedShares([]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1})),
	}
	r := rand.New(rand.NewPCG(3, 4))
	for name, c := range comps {
		dst := make([]float64, c.Len())
		for range 50_000 {
			c.Sample(r, dst)
			s := 0.0
			for i, x := range dst {
				if !(x >= 0) {
					t.Fatalf("%s: share %d = %v", name, i, x)
				}
				s += x
			}
			if s != 1 {
				t.Fatalf("%s: shares %v sum to 1%+.3g", name, dst, s-1)
			}
		}
		m := c.Mean()
		s := 0.0
		for _, x := range m {
			s += x
		}
		if s != 1 {
			t.Errorf("%s: Mean() sums to 1%+.3g", name, s-1)
		}
	}
}

// TestDirichletMoments checks the sample against the Dirichlet marginals
// Beta(αᵢ, α₀ − αᵢ): mean αᵢ/α₀, variance αᵢ(α₀−αᵢ)/(α₀²(α₀+1))
// (Johnson, Kotz and Balakrishnan, "Continuous Multivariate
// Distributions", vol. 1, ch. 49).
func TestDirichletMoments(t *testing.T) {
	alpha := []float64{0.4, 2, 7.6}
	c := mustC(t)(estimate.Dirichlet(alpha))
	if diff := cmp.Diff([]float64{0.04, 0.2, 0.76}, c.Mean(), cmpopts.EquateApprox(1e-15, 0)); diff != "" {
		t.Errorf("Mean() mismatch (-want +got):\n%s", diff)
	}
	const n = 50000
	r := rand.New(rand.NewPCG(5, 6))
	dst := make([]float64, 3)
	var sum, sum2 [3]float64
	for range n {
		c.Sample(r, dst)
		for i, x := range dst {
			sum[i] += x
			sum2[i] += x * x
		}
	}
	for i, a := range alpha {
		mean := a / 10
		v := a * (10 - a) / (100 * 11)
		gotMean := sum[i] / n
		gotVar := sum2[i]/n - gotMean*gotMean
		if math.Abs(gotMean-mean) > 5*math.Sqrt(v/n) {
			t.Errorf("share %d: mean %v, want %v", i, gotMean, mean)
		}
		// The sample variance has standard error σ²√((κ+2)/n), κ being the
		// excess kurtosis of the Beta(a, b) marginal, b = α₀ − a (Johnson,
		// Kotz and Balakrishnan, vol. 2, ch. 25): allow 5 of them.
		b := 10 - a
		kurt := 6 * ((a-b)*(a-b)*(a+b+1) - a*b*(a+b+2)) / (a * b * (a + b + 2) * (a + b + 3))
		if se := v * math.Sqrt((kurt+2)/n); math.Abs(gotVar-v) > 5*se {
			t.Errorf("share %d: variance %v, want %v ± %v", i, gotVar, v, 5*se)
		}
	}
}

func TestDirichletMean(t *testing.T) {
	// hand: α = mean·concentration = (30, 70) for (0.3, 0.7)·100; the
	// means are normalised first, so (3, 7) gives the same.
	c := mustC(t)(estimate.DirichletMean([]float64{3, 7}, 100))
	if diff := cmp.Diff([]float64{0.3, 0.7}, c.Mean(), cmpopts.EquateApprox(1e-15, 0)); diff != "" {
		t.Errorf("Mean() mismatch (-want +got):\n%s", diff)
	}
}

func TestFixedShares(t *testing.T) {
	c := mustC(t)(estimate.FixedShares([]float64{2, 0, 6}))
	dst := make([]float64, 3)
	c.Sample(rand.New(rand.NewPCG(1, 2)), dst) // draws nothing, but r must not be nil
	if diff := cmp.Diff([]float64{0.25, 0, 0.75}, dst); diff != "" {
		t.Errorf("Sample() mismatch (-want +got):\n%s", diff)
	}
}

func TestCompositionBadInput(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name  string
		f     func() (estimate.Composition, error)
		param string
	}{
		{"Dirichlet empty", func() (estimate.Composition, error) { return estimate.Dirichlet(nil) }, "len(alpha)"},
		{"Dirichlet zero", func() (estimate.Composition, error) { return estimate.Dirichlet([]float64{1, 0}) }, "alpha[1]"},
		{"Dirichlet NaN", func() (estimate.Composition, error) { return estimate.Dirichlet([]float64{nan}) }, "alpha[0]"},
		{"Dirichlet Inf", func() (estimate.Composition, error) { return estimate.Dirichlet([]float64{1, math.Inf(1)}) }, "alpha[1]"},
		{"DirichletMean negative", func() (estimate.Composition, error) { return estimate.DirichletMean([]float64{0.5, -0.5}, 10) }, "mean[1]"},
		{"DirichletMean concentration", func() (estimate.Composition, error) { return estimate.DirichletMean([]float64{0.5, 0.5}, 0) }, "concentration"},
		{"DirichletMean empty", func() (estimate.Composition, error) { return estimate.DirichletMean(nil, 1) }, "len(mean)"},
		{"RangeShares empty", func() (estimate.Composition, error) { return estimate.RangeShares(nil) }, "len(ranges)"},
		{"RangeShares negative", func() (estimate.Composition, error) {
			return estimate.RangeShares([]estimate.Estimate{must(t)(estimate.Uniform(0, 1)), must(t)(estimate.NormalBetween(0.1, 0.2))})
		}, "ranges[1] lower bound"},
		{"RangeShares zero", func() (estimate.Composition, error) {
			return estimate.RangeShares([]estimate.Estimate{{}})
		}, "ranges[0]"},
		{"RangeShares all zero", func() (estimate.Composition, error) {
			return estimate.RangeShares([]estimate.Estimate{must(t)(estimate.Point(0))})
		}, "sum of means"},
		{"FixedShares negative", func() (estimate.Composition, error) { return estimate.FixedShares([]float64{1, -2}) }, "shares[1]"},
		{"FixedShares NaN", func() (estimate.Composition, error) { return estimate.FixedShares([]float64{nan}) }, "shares[0]"},
		{"FixedShares zero", func() (estimate.Composition, error) { return estimate.FixedShares([]float64{0, 0}) }, "sum(shares)"},
		{"FixedShares huge", func() (estimate.Composition, error) {
			return estimate.FixedShares([]float64{1, math.MaxFloat64})
		}, "shares[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.f()
			if !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("error = %v, want ErrInvalid", err)
			}
			if c.Len() != 0 {
				t.Errorf("Len() = %d, want the zero Composition", c.Len())
			}
			pe, ok := errors.AsType[*estimate.ParamError](err)
			if !ok || pe.Param != tt.param {
				t.Errorf("error %v: want a *ParamError for %q", err, tt.param)
			}
		})
	}
}

func TestCompositionNamedSources(t *testing.T) {
	src := exodus.Source{Publisher: "ZOiS"}
	c := mustC(t)(estimate.FixedShares([]float64{1, 3})).Named("sectors").WithSources(src)
	if c.Name() != "sectors" || !cmp.Equal([]exodus.Source{src}, c.Sources()) {
		t.Errorf("Name, Sources = %q, %v", c.Name(), c.Sources())
	}
}

// TestSampleNilRand checks the documented contract: a nil *rand.Rand is a
// programming error on which Estimate.Sample and Composition.Sample panic,
// for valid and zero values alike (the zero Estimate used to return NaN
// while a valid one panicked).
func TestSampleNilRand(t *testing.T) {
	dir := mustC(t)(estimate.Dirichlet([]float64{1, 2}))
	tests := []struct {
		name string
		f    func()
	}{
		{"Estimate", func() { must(t)(estimate.Normal(0, 1)).Sample(nil) }},
		{"Point", func() { must(t)(estimate.Point(3)).Sample(nil) }},
		{"zero Estimate", func() { estimate.Estimate{}.Sample(nil) }},
		{"Composition", func() { dir.Sample(nil, make([]float64, 2)) }},
		{"fixed Composition", func() { mustC(t)(estimate.FixedShares([]float64{1, 1})).Sample(nil, make([]float64, 2)) }},
		{"zero Composition", func() { estimate.Composition{}.Sample(nil, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("Sample(nil) did not panic")
				}
			}()
			tt.f()
		})
	}
}
