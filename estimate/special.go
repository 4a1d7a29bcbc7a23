package estimate

import (
	"math"
	"math/rand/v2"
)

// lbeta returns ln B(a, b).
func lbeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// betaPDF returns the Beta(a, b) density at x.
func betaPDF(a, b, x float64) float64 {
	if x < 0 || x > 1 {
		return 0
	}
	if x == 0 || x == 1 {
		// The density is 0, finite or infinite at the edges; the callers
		// only need it for Newton steps, which fall back to bisection.
		return math.NaN()
	}
	return math.Exp((a-1)*math.Log(x) + (b-1)*math.Log1p(-x) - lbeta(a, b))
}

// regIncBeta returns the regularised incomplete beta function I_x(a, b),
// the Beta(a, b) distribution function, from its continued fraction
// (DLMF 8.17.22) evaluated by the modified Lentz method, using the symmetry
// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
func regIncBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	case x > (a+1)/(a+b+2):
		return 1 - regIncBeta(b, a, 1-x)
	}
	front := math.Exp(a*math.Log(x)+b*math.Log1p(-x)-lbeta(a, b)) / a
	const tiny, eps = 1e-300, 1e-16
	f, c, dd := 1.0, 1.0, 0.0
	for j := 1; j <= 1000; j++ {
		m := float64(j / 2)
		var dj float64
		if j%2 == 1 {
			dj = -(a + m) * (a + b + m) * x / ((a + 2*m) * (a + 2*m + 1))
		} else {
			dj = m * (b - m) * x / ((a + 2*m - 1) * (a + 2*m))
		}
		dd = 1 + dj*dd
		if math.Abs(dd) < tiny {
			dd = tiny
		}
		c = 1 + dj/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		dd = 1 / dd
		delta := c * dd
		f *= delta
		if math.Abs(delta-1) < eps {
			break
		}
	}
	return front / f
}

// betaQuantile returns the p-quantile of Beta(a, b).
func betaQuantile(a, b, p float64) float64 {
	switch {
	case p <= 0:
		return 0
	case p >= 1:
		return 1
	case a > b:
		// Mass near 1: solve for 1 − x, which is representable with full
		// relative precision there, using X ~ Beta(a, b) ⇔ 1 − X ~ Beta(b, a).
		return 1 - betaQuantile(b, a, 1-p)
	}
	return invert(&dist{kind: kindBeta, p: [6]float64{a, b}}, p, 0, 1)
}

// gammaRand draws from Gamma(a, 1) by the method of Marsaglia and Tsang,
// "A simple method for generating gamma variables", ACM TOMS 26(3), 2000,
// boosted for a < 1 with G(a) = G(a+1)·U^(1/a) (same paper, section 6).
func gammaRand(r *rand.Rand, a float64) float64 {
	if a < 1 {
		u := r.Float64()
		return gammaRand(r, a+1) * math.Pow(u, 1/a)
	}
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
		x2 := x * x
		if u < 1-0.0331*x2*x2 {
			return d * v
		}
		if math.Log(u) < 0.5*x2+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// betaRand draws from Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b).
func betaRand(r *rand.Rand, a, b float64) float64 {
	x := gammaRand(r, a)
	y := gammaRand(r, b)
	if s := x + y; s > 0 {
		return x / s
	}
	// Both underflowed (a and b tiny): the mass sits at the edges in
	// proportion a : b.
	if r.Float64()*(a+b) < a {
		return 1
	}
	return 0
}
