package estimate_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exodus-lab/exodus/estimate"
)

// TestDensity checks Prob, LogProb, Survival and Variance against values
// computed independently with mpmath 1.3.0 at 30 digits from the closed
// forms (the formulas scipy.stats' norm, lognorm, beta and R's dnorm,
// pnorm(lower.tail = FALSE), dbeta, pbeta evaluate): normal density
// φ(z)/σ and survival ½·erfc(z/√2); lognormal φ((ln x − μ)/σ)/(σx);
// logit-normal φ((logit x − μ)/σ)/(σx(1−x)); beta x^(a−1)(1−x)^(b−1)/B(a, b)
// and survival 1 − I_x(a, b) by mpmath.betainc. Simple ones by hand.
func TestDensity(t *testing.T) {
	m := must(t)
	n01, n32 := m(estimate.Normal(0, 1)), m(estimate.Normal(3, 2))
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"Normal(3, 2).Prob(4)", n32.Prob(4), 0.176032663382149738887340220798},
		{"Normal(3, 2).LogProb(4)", n32.LogProb(4), -1.73708571376461805119756185786},
		{"Normal(3, 2).Survival(4)", n32.Survival(4), 0.308537538725986896362295389392},
		// The CDF rounds to 1 here; the survival keeps its digits.
		{"Normal(3, 2).Survival(23)", n32.Survival(23), 7.61985302416052606597334325163e-24},
		// The density underflows to 0 here; its logarithm does not.
		{"Normal(0, 1).LogProb(40)", n01.LogProb(40), -800.918938533204672741780329736},
		{"LogNormal(13, 0.7).Prob(5e5)", m(estimate.LogNormal(13, 0.7)).Prob(5e5), 0.00000112255263218545638777560576006},
		{"LogNormal(13, 0.7).Survival(1e6)", m(estimate.LogNormal(13, 0.7)).Survival(1e6), 0.122006443813284936799949259908},
		{"ShareBetween(0.27, 0.45).Prob(0.35)", m(estimate.ShareBetween(0.27, 0.45)).Prob(0.35), 7.23745086112052380324036575465},
		// hand: 0.45 is the 95% quantile by construction.
		{"ShareBetween(0.27, 0.45).Survival(0.45)", m(estimate.ShareBetween(0.27, 0.45)).Survival(0.45), 0.05},
		// hand: 1/B(2, 5) = 30, 30·0.3·0.7⁴ = 2.1609.
		{"Beta(2, 5).Prob(0.3)", m(estimate.Beta(2, 5)).Prob(0.3), 2.1609},
		{"Beta(2, 5).Survival(0.3)", m(estimate.Beta(2, 5)).Survival(0.3), 0.420175000000000023990809339125},
		{"Beta(2, 5).Survival(0.99)", m(estimate.Beta(2, 5)).Survival(0.99), 5.95000000000002637889906621032e-10},
		// hand: 1/B(1, 3) = 3 at 0, where the density is finite.
		{"Beta(1, 3).Prob(0)", m(estimate.Beta(1, 3)).Prob(0), 3},
		{"Beta(0.5, 0.5).Prob(0)", m(estimate.Beta(0.5, 0.5)).Prob(0), math.Inf(1)},
		{"Beta(2, 5).Prob(1)", m(estimate.Beta(2, 5)).Prob(1), 0},
		// PERT(0, 2, 10): α = 1 + 4·0.2 = 1.8, β = 4.2 on [0, 10].
		{"PERT(0, 2, 10).Prob(3)", m(estimate.PERT(0, 2, 10)).Prob(3), 0.202482224138054559395690701488},
		{"PERT(0, 2, 10).Survival(3)", m(estimate.PERT(0, 2, 10)).Survival(3), 0.451769695738095005727918423373},
		// hand: uniform density 1/2, survival (3 − 2.5)/2.
		{"Uniform(1, 3).Prob(2)", m(estimate.Uniform(1, 3)).Prob(2), 0.5},
		{"Uniform(1, 3).Survival(2.5)", m(estimate.Uniform(1, 3)).Survival(2.5), 0.25},
		{"Uniform(1, 3).Prob(4)", m(estimate.Uniform(1, 3)).Prob(4), 0},
		// hand: the triangle's peak 2/(c − a) = 2, at a mode equal to hi;
		// survival of Triangular(0, 1, 4) at 2: (4 − 2)²/(4·3) = 1/3.
		{"Triangular(0, 1, 1).Prob(1)", m(estimate.Triangular(0, 1, 1)).Prob(1), 2},
		{"Triangular(0, 1, 4).Survival(2)", m(estimate.Triangular(0, 1, 4)).Survival(2), 1.0 / 3},
		{"Triangular(0, 1, 4).Prob(2)", m(estimate.Triangular(0, 1, 4)).Prob(2), 2 * 2.0 / 12},
		// mixture ½N(0, 1) + ½N(3, 1) at 1: (φ(1) + φ(2))/2, (Q(1) + Q(−2))/2.
		{"mixture Prob(1)", m(estimate.Pool(estimate.LinearPool, n01, m(estimate.Normal(3, 1)))).Prob(1), 0.147980845516165700874197196673},
		{"mixture Survival(1)", m(estimate.Pool(estimate.LinearPool, n01, m(estimate.Normal(3, 1)))).Survival(1), 0.567952560991638922107242408601},
		// hand: a point has no density, and all its mass at 5.
		{"Point(5).Survival(4)", m(estimate.Point(5)).Survival(4), 1},
		{"Point(5).Survival(5)", m(estimate.Point(5)).Survival(5), 0},
		{"Normal(3, 2).Variance()", n32.Variance(), 4},
		// hand: (3 − 1)²/12.
		{"Uniform(1, 3).Variance()", m(estimate.Uniform(1, 3)).Variance(), 1.0 / 3},
		{"Point(5).Variance()", m(estimate.Point(5)).Variance(), 0},
	}
	for _, tt := range tests {
		// Relative to the value itself, however small: 1e-13, or exact for
		// 0 and ±Inf.
		if tt.got != tt.want && !(math.Abs(tt.got-tt.want) <= 1e-13*math.Abs(tt.want)) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	nan := []struct {
		name string
		got  float64
	}{
		{"Point(5).Prob(5)", m(estimate.Point(5)).Prob(5)},
		{"Point(5).LogProb(5)", m(estimate.Point(5)).LogProb(5)},
		{"zero Prob", estimate.Estimate{}.Prob(1)},
		{"zero LogProb", estimate.Estimate{}.LogProb(1)},
		{"zero Survival", estimate.Estimate{}.Survival(1)},
		{"zero Variance", estimate.Estimate{}.Variance()},
		{"Prob(NaN)", n01.Prob(math.NaN())},
		{"Survival(NaN)", n01.Survival(math.NaN())},
	}
	for _, tt := range nan {
		if !math.IsNaN(tt.got) {
			t.Errorf("%s = %v, want NaN", tt.name, tt.got)
		}
	}
}

// TestSurvivalCDF checks Survival = 1 − CDF for every family away from the
// tails, and that Prob integrates to the CDF's increase (midpoint rule),
// an independent check of each density against each distribution function.
func TestSurvivalCDF(t *testing.T) {
	for _, tt := range jsonCases(t) {
		e := tt.e
		if e.IsPoint() {
			continue
		}
		lo, hi := e.Interval(0.8)
		for _, x := range []float64{lo, e.Median(), hi} {
			if s, c := e.Survival(x), e.CDF(x); math.Abs(s+c-1) > 1e-12 {
				t.Errorf("%s: Survival(%v) + CDF = %v + %v", tt.name, x, s, c)
			}
		}
		// Midpoint rule in x, or in ln x when lo > 0, which smooths a
		// density such as Beta(0.3, 4)'s that is singular near 0.
		const n = 4000
		sum := 0.0
		if lo > 0 {
			h := math.Log(hi/lo) / n
			for i := range n {
				x := lo * math.Exp((float64(i)+0.5)*h)
				sum += e.Prob(x) * x * h
			}
		} else {
			h := (hi - lo) / n
			for i := range n {
				sum += e.Prob(lo+(float64(i)+0.5)*h) * h
			}
		}
		if want := e.CDF(hi) - e.CDF(lo); math.Abs(sum-want) > 1e-5 {
			t.Errorf("%s: ∫ Prob over the 80%% interval = %v, CDF gives %v", tt.name, sum, want)
		}
	}
}

// TestFormat checks the fmt verbs on an estimate (issue 14 item 5: %.2f
// printed the struct). hand: Between(600e3, 1e6) has median √(6e11) =
// 774596.669…, and its 90% interval is 600000–1000000 by construction.
func TestFormat(t *testing.T) {
	e := must(t)(estimate.Between(600e3, 1e6))
	neg := must(t)(estimate.NormalBetween(-3, 1))
	tests := []struct {
		format string
		arg    any
		want   string
	}{
		{"%v", e, "770k (90%: 600k–1.0M)"},
		{"%s", e, "770k (90%: 600k–1.0M)"},
		{"%q", e, `"770k (90%: 600k–1.0M)"`},
		{"%.0f", e, "774597 (90%: 600000–1000000)"},
		{"%.2f", e, "774596.67 (90%: 600000.00–1000000.00)"},
		{"%.3e", e, "7.746e+05 (90%: 6.000e+05–1.000e+06)"},
		{"%.3g", e, "7.75e+05 (90%: 6e+05–1e+06)"},
		// hand: NormalBetween(−3, 1) has median −1 and bounds −3 and 1.
		{"%.1f", neg, "-1.0 (90%: -3.0 to 1.0)"},
		{"%.1f", must(t)(estimate.Point(1.25)), "1.2"},
		{"%.2f", estimate.Estimate{}, "invalid estimate"},
		{"%8.1f|", must(t)(estimate.Point(2)), "     2.0|"},
		{"%-8.1f|", must(t)(estimate.Point(2)), "2.0     |"},
		{"%d", e, "%!d(estimate.Estimate=770k (90%: 600k–1.0M))"},
		{"%v", []estimate.Estimate{e}, "[770k (90%: 600k–1.0M)]"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, fmt.Sprintf(tt.format, tt.arg)); diff != "" {
			t.Errorf("Sprintf(%q) mismatch (-want +got):\n%s", tt.format, diff)
		}
	}
}
