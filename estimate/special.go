package estimate

import (
	"math"
	"math/rand/v2"
)

// lbeta returns ln B(a, b) for a, b > 0. Where a shape is 10 or more it
// does not subtract ln Γ of large numbers, which loses all precision when
// one shape is large (ln Γ(5.6e14) ≈ 1.9e16 is known only to ±2): it
// expands ln Γ by Stirling's formula, ln Γ(x) = (x − ½) ln x − x + ½ ln 2π
// + stirlingRem(x), and cancels the large terms analytically.
func lbeta(a, b float64) float64 {
	p, q := min(a, b), max(a, b)
	switch {
	case p >= 10:
		// ln B = ½ ln 2π − ½ ln q + (p − ½) ln(p/(p+q)) + q ln(1 − p/(p+q)) + rem.
		r := p / (p + q)
		rem := stirlingRem(p) + stirlingRem(q) - stirlingRem(p+q)
		return 0.5*math.Log(2*math.Pi) - 0.5*math.Log(q) + (p-0.5)*math.Log(r) + q*math.Log1p(-r) + rem
	case q >= 10:
		// ln B = ln Γ(p) + p − p ln(p+q) + (q − ½) ln(1 − p/(p+q)) + rem.
		lp, _ := math.Lgamma(p)
		rem := stirlingRem(q) - stirlingRem(p+q)
		return lp + p - p*math.Log(p+q) + (q-0.5)*math.Log1p(-p/(p+q)) + rem
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// stirlingRem returns ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 10,
// from the Stirling series Σ B₂ₖ/(2k(2k−1)x²ᵏ⁻¹) (DLMF 5.11.1) to k = 7;
// the first omitted term is below 3·10⁻¹⁷ at x = 10.
func stirlingRem(x float64) float64 {
	if x > 1e8 {
		return 1 / (12 * x) // the next term is below 10⁻²⁶
	}
	z := 1 / (x * x)
	return (1.0/12 - z*(1.0/360-z*(1.0/1260-z*(1.0/1680-z*(1.0/1188-z*(691.0/360360-z*(1.0/156))))))) / x
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
	}
	return incBeta(a, b, x, 1-x)
}

// incBeta is regIncBeta with y = 1 − x also given, so that the symmetry
// does not compute 1 − (1 − x): for x = 8e-14 that loses three digits of x,
// which a shape of 10¹⁴ turns into a wrong result. The smaller of x and y
// is always exact (1 − x is exact for x ≥ ½), so its logarithm is taken
// directly and the other's through log1p.
func incBeta(a, b, x, y float64) float64 {
	if x > (a+1)/(a+b+2) {
		return 1 - incBeta(b, a, y, x)
	}
	lx, ly := math.Log(x), math.Log1p(-x)
	if y < x {
		lx, ly = math.Log1p(-y), math.Log(y)
	}
	front := math.Exp(a*lx+b*ly-lbeta(a, b)) / a
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
