package estimate

import (
	"math"
	"math/rand/v2"
	"slices"
)

// kind names the family of a distribution.
type kind uint8

const (
	kindInvalid kind = iota
	kindPoint
	kindUniform
	kindTriangular
	kindPERT
	kindNormal
	kindLogNormal
	kindBeta
	kindLogitNormal
	kindMixture
	kindTable
)

// String returns the family's name as used in error messages and docs.
func (k kind) String() string {
	switch k {
	case kindPoint:
		return "point"
	case kindUniform:
		return "uniform"
	case kindTriangular:
		return "triangular"
	case kindPERT:
		return "PERT"
	case kindNormal:
		return "normal"
	case kindLogNormal:
		return "lognormal"
	case kindBeta:
		return "beta"
	case kindLogitNormal:
		return "logit-normal"
	case kindMixture:
		return "mixture"
	case kindTable:
		return "tabulated"
	}
	return "invalid"
}

// dist is an immutable distribution. The meaning of p depends on kind:
//
//	point        p[0] = value
//	uniform      p[0] = lo, p[1] = hi
//	triangular   p[0] = lo, p[1] = mode, p[2] = hi
//	PERT         p[0] = lo, p[1] = mode, p[2] = hi, p[3] = alpha, p[4] = beta (of the scaled beta), p[5] = lambda
//	normal       p[0] = mean, p[1] = sd
//	lognormal    p[0] = mu, p[1] = sigma (of the logarithm)
//	beta         p[0] = alpha, p[1] = beta
//	logit-normal p[0] = mu, p[1] = sigma (of the log-odds)
//	mixture      comps, weights (normalised), cum (cumulative weights)
//	tabulated    xs (increasing knots), cum (distribution function at the
//	             knots, from 0 to 1): a piecewise uniform density
type dist struct {
	kind    kind
	p       [6]float64
	mean    float64
	sd      float64
	comps   []*dist
	weights []float64
	cum     []float64
	xs      []float64
}

const (
	sqrt2   = math.Sqrt2
	sqrt2pi = 2.506628274631000502415765284811045253
)

// normQuantile returns the standard normal quantile. math.Erfinv implements
// Wichura's algorithm AS 241, accurate to about 1e-16.
func normQuantile(p float64) float64 {
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	}
	return sqrt2 * math.Erfinv(2*p-1)
}

// normCDF returns the standard normal distribution function.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/sqrt2) }

// normPDF returns the standard normal density.
func normPDF(z float64) float64 { return math.Exp(-0.5*z*z) / sqrt2pi }

func logit(x float64) float64 { return math.Log(x / (1 - x)) }

// sigmoid returns 1/(1 + e⁻ˣ). Above 0 it is computed as 1 − 1/(1 + eˣ),
// so that shares up to 1 − 2⁻⁵³ are reached: 1/(1 + 2⁻⁵³) rounds to 1.
func sigmoid(x float64) float64 {
	if x > 0 {
		return 1 - 1/(1+math.Exp(x))
	}
	return 1 / (1 + math.Exp(-x))
}

// support returns the smallest closed interval holding all the mass.
func (d *dist) support() (lo, hi float64) {
	switch d.kind {
	case kindPoint:
		return d.p[0], d.p[0]
	case kindUniform:
		return d.p[0], d.p[1]
	case kindTriangular, kindPERT:
		return d.p[0], d.p[2]
	case kindNormal:
		return math.Inf(-1), math.Inf(1)
	case kindLogNormal:
		return 0, math.Inf(1)
	case kindBeta, kindLogitNormal:
		return 0, 1
	case kindTable:
		return d.xs[0], d.xs[len(d.xs)-1]
	case kindMixture:
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, c := range d.comps {
			l, h := c.support()
			lo, hi = math.Min(lo, l), math.Max(hi, h)
		}
		return lo, hi
	}
	return math.NaN(), math.NaN()
}

// quantile returns the p-quantile, exactly where the family has a closed
// form and by safeguarded Newton iteration on the distribution function
// otherwise (beta, PERT, mixtures).
func (d *dist) quantile(p float64) float64 {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	switch d.kind {
	case kindPoint:
		return d.p[0]
	case kindUniform:
		return d.p[0] + p*(d.p[1]-d.p[0])
	case kindTriangular:
		a, m, c := d.p[0], d.p[1], d.p[2]
		if p < (m-a)/(c-a) {
			return a + math.Sqrt(p*(c-a)*(m-a))
		}
		return c - math.Sqrt((1-p)*(c-a)*(c-m))
	case kindPERT:
		return d.p[0] + (d.p[2]-d.p[0])*betaQuantile(d.p[3], d.p[4], p)
	case kindNormal:
		return d.p[0] + d.p[1]*normQuantile(p)
	case kindLogNormal:
		return math.Exp(d.p[0] + d.p[1]*normQuantile(p))
	case kindBeta:
		return betaQuantile(d.p[0], d.p[1], p)
	case kindLogitNormal:
		return sigmoid(d.p[0] + d.p[1]*normQuantile(p))
	case kindMixture:
		if p == 0 || p == 1 {
			lo, hi := d.support()
			if p == 0 {
				return lo
			}
			return hi
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, c := range d.comps {
			q := c.quantile(p)
			lo, hi = math.Min(lo, q), math.Max(hi, q)
		}
		return invert(d, p, lo, hi)
	case kindTable:
		return interp(d.cum, d.xs, p)
	}
	return math.NaN()
}

// interval returns the central interval of the given level in (0, 1):
// for the families that are a normal on some scale, μ ∓ σz with
// z = √2·erfinv(level) (z90 at 0.9, as the constructors use), mapped back
// to the scale; otherwise the (1−level)/2 and (1+level)/2 quantiles.
func (d *dist) interval(level float64) (lo, hi float64) {
	z := z90
	if level != 0.9 {
		z = sqrt2 * math.Erfinv(level)
	}
	mu, s := d.p[0], d.p[1]
	switch d.kind {
	case kindNormal:
		return mu - s*z, mu + s*z
	case kindLogNormal:
		return math.Exp(mu - s*z), math.Exp(mu + s*z)
	case kindLogitNormal:
		return sigmoid(mu - s*z), sigmoid(mu + s*z)
	}
	return d.quantile((1 - level) / 2), d.quantile((1 + level) / 2)
}

// interp returns the y at which the piecewise linear function through
// (xs[i], ys[i]) takes x, xs increasing (ties allowed), clamped to the ends.
func interp(xs, ys []float64, x float64) float64 {
	n := len(xs)
	if x <= xs[0] {
		return ys[0]
	}
	if x >= xs[n-1] {
		return ys[n-1]
	}
	i, _ := slices.BinarySearch(xs, x) // xs[i-1] < x <= xs[i]
	x0, x1 := xs[i-1], xs[i]
	if x1 == x0 {
		return ys[i]
	}
	t := (x - x0) / (x1 - x0)
	return ys[i-1] + t*(ys[i]-ys[i-1])
}

// cdf returns P(X ≤ x).
func (d *dist) cdf(x float64) float64 {
	if math.IsNaN(x) {
		return math.NaN()
	}
	switch d.kind {
	case kindPoint:
		if x < d.p[0] {
			return 0
		}
		return 1
	case kindUniform:
		return clamp01((x - d.p[0]) / (d.p[1] - d.p[0]))
	case kindTriangular:
		a, m, c := d.p[0], d.p[1], d.p[2]
		switch {
		case x <= a:
			return 0
		case x >= c:
			return 1
		case x <= m:
			return (x - a) * (x - a) / ((c - a) * (m - a))
		}
		return 1 - (c-x)*(c-x)/((c-a)*(c-m))
	case kindPERT:
		return regIncBeta(d.p[3], d.p[4], clamp01((x-d.p[0])/(d.p[2]-d.p[0])))
	case kindNormal:
		return normCDF((x - d.p[0]) / d.p[1])
	case kindLogNormal:
		if x <= 0 {
			return 0
		}
		return normCDF((math.Log(x) - d.p[0]) / d.p[1])
	case kindBeta:
		return regIncBeta(d.p[0], d.p[1], clamp01(x))
	case kindLogitNormal:
		switch {
		case x <= 0:
			return 0
		case x >= 1:
			return 1
		}
		return normCDF((logit(x) - d.p[0]) / d.p[1])
	case kindMixture:
		s := 0.0
		for i, c := range d.comps {
			s += d.weights[i] * c.cdf(x)
		}
		return s
	case kindTable:
		return interp(d.xs, d.cum, x)
	}
	return math.NaN()
}

// pdf returns the density at x (0 for a point).
func (d *dist) pdf(x float64) float64 {
	switch d.kind {
	case kindUniform:
		if x < d.p[0] || x > d.p[1] {
			return 0
		}
		return 1 / (d.p[1] - d.p[0])
	case kindTriangular:
		a, m, c := d.p[0], d.p[1], d.p[2]
		switch {
		case x < a || x > c:
			return 0
		case x < m:
			return 2 * (x - a) / ((c - a) * (m - a))
		}
		return 2 * (c - x) / ((c - a) * (c - m))
	case kindPERT:
		w := d.p[2] - d.p[0]
		return betaPDF(d.p[3], d.p[4], (x-d.p[0])/w) / w
	case kindNormal:
		return normPDF((x-d.p[0])/d.p[1]) / d.p[1]
	case kindLogNormal:
		if x <= 0 {
			return 0
		}
		return normPDF((math.Log(x)-d.p[0])/d.p[1]) / (d.p[1] * x)
	case kindBeta:
		return betaPDF(d.p[0], d.p[1], x)
	case kindLogitNormal:
		if x <= 0 || x >= 1 {
			return 0
		}
		return normPDF((logit(x)-d.p[0])/d.p[1]) / (d.p[1] * x * (1 - x))
	case kindMixture:
		s := 0.0
		for i, c := range d.comps {
			s += d.weights[i] * c.pdf(x)
		}
		return s
	case kindTable:
		n := len(d.xs)
		if x < d.xs[0] || x > d.xs[n-1] {
			return 0
		}
		i, _ := slices.BinarySearch(d.xs, x)
		i = min(max(i, 1), n-1)
		if w := d.xs[i] - d.xs[i-1]; w > 0 {
			return (d.cum[i] - d.cum[i-1]) / w
		}
		return 0
	}
	return 0
}

// sample draws one value using r.
func (d *dist) sample(r *rand.Rand) float64 {
	switch d.kind {
	case kindPoint:
		return d.p[0]
	case kindUniform:
		return d.p[0] + r.Float64()*(d.p[1]-d.p[0])
	case kindTriangular:
		return d.quantile(r.Float64())
	case kindPERT:
		return d.p[0] + (d.p[2]-d.p[0])*betaRand(r, d.p[3], d.p[4])
	case kindNormal:
		return d.p[0] + d.p[1]*r.NormFloat64()
	case kindLogNormal:
		return math.Exp(d.p[0] + d.p[1]*r.NormFloat64())
	case kindBeta:
		return betaRand(r, d.p[0], d.p[1])
	case kindLogitNormal:
		return sigmoid(d.p[0] + d.p[1]*r.NormFloat64())
	case kindMixture:
		u := r.Float64()
		i := 0
		for i < len(d.cum)-1 && u >= d.cum[i] {
			i++
		}
		return d.comps[i].sample(r)
	case kindTable:
		return interp(d.cum, d.xs, r.Float64())
	}
	return math.NaN()
}

// fill draws len(dst) values into dst, with the family chosen once.
func (d *dist) fill(r *rand.Rand, dst []float64) {
	switch d.kind {
	case kindPoint:
		for i := range dst {
			dst[i] = d.p[0]
		}
	case kindUniform:
		lo, w := d.p[0], d.p[1]-d.p[0]
		for i := range dst {
			dst[i] = lo + r.Float64()*w
		}
	case kindNormal:
		mu, s := d.p[0], d.p[1]
		for i := range dst {
			dst[i] = mu + s*r.NormFloat64()
		}
	case kindLogNormal:
		mu, s := d.p[0], d.p[1]
		for i := range dst {
			dst[i] = math.Exp(mu + s*r.NormFloat64())
		}
	case kindLogitNormal:
		mu, s := d.p[0], d.p[1]
		for i := range dst {
			dst[i] = sigmoid(mu + s*r.NormFloat64())
		}
	default:
		for i := range dst {
			dst[i] = d.sample(r)
		}
	}
}

// moments computes mean and sd of the family, exactly where a closed form
// exists and by quadrature for the logit-normal.
func (d *dist) moments() (mean, sd float64) {
	switch d.kind {
	case kindPoint:
		return d.p[0], 0
	case kindUniform:
		return (d.p[0] + d.p[1]) / 2, (d.p[1] - d.p[0]) / math.Sqrt(12)
	case kindTriangular:
		a, m, c := d.p[0], d.p[1], d.p[2]
		return (a + m + c) / 3, math.Sqrt((a*a + m*m + c*c - a*m - a*c - m*c) / 18)
	case kindPERT:
		a, c, al, be := d.p[0], d.p[2], d.p[3], d.p[4]
		bm, bsd := betaMoments(al, be)
		return a + (c-a)*bm, (c - a) * bsd
	case kindNormal:
		return d.p[0], d.p[1]
	case kindLogNormal:
		mu, s := d.p[0], d.p[1]
		// SD in log form, so that a tiny sigma with a huge mean gives 0,
		// not 0·Inf.
		return math.Exp(mu + s*s/2), math.Exp(mu + s*s/2 + 0.5*math.Log(math.Expm1(s*s)))
	case kindBeta:
		return betaMoments(d.p[0], d.p[1])
	case kindLogitNormal:
		// E[g(Z)] for Z ~ N(0,1) by the trapezoid rule on [-12, 12], which
		// converges geometrically for smooth integrands decaying like the
		// normal density.
		const n, lim = 480, 12.0
		h := 2 * lim / n
		var s1, s2 float64
		for i := 0; i <= n; i++ {
			z := -lim + float64(i)*h
			w := normPDF(z) * h
			if i == 0 || i == n {
				w /= 2
			}
			x := sigmoid(d.p[0] + d.p[1]*z)
			s1 += w * x
			s2 += w * x * x
		}
		return s1, math.Sqrt(math.Max(0, s2-s1*s1))
	case kindMixture:
		// Scaled by the largest |mean| or SD when squares could overflow
		// or underflow, so that components with an SD of 1e200 (or 1e-200)
		// give a finite (non-zero) SD.
		s := 0.0
		for _, c := range d.comps {
			s = math.Max(s, math.Max(math.Abs(c.mean), c.sd))
		}
		s = momentScale(s)
		var m, m2 float64
		for i, c := range d.comps {
			cm, cs := c.mean/s, c.sd/s
			m += d.weights[i] * cm
			m2 += d.weights[i] * (cs*cs + cm*cm)
		}
		return m * s, s * math.Sqrt(math.Max(0, m2-m*m))
	case kindTable:
		// Exact for a piecewise uniform density, scaled as a mixture's.
		s := momentScale(math.Max(math.Abs(d.xs[0]), math.Abs(d.xs[len(d.xs)-1])))
		var m, m2 float64
		for i := 1; i < len(d.xs); i++ {
			w := d.cum[i] - d.cum[i-1]
			a, b := d.xs[i-1]/s, d.xs[i]/s
			m += w * (a + b) / 2
			m2 += w * (a*a + a*b + b*b) / 3
		}
		return m * s, s * math.Sqrt(math.Max(0, m2-m*m))
	}
	return math.NaN(), math.NaN()
}

// momentScale returns the scale by which to divide values of magnitude up
// to top before squaring them: top when squares could overflow (top above
// 1e150) or lose precision below the normal range (top below 1e-150),
// otherwise 1, so that ordinary values are computed exactly as before.
func momentScale(top float64) float64 {
	if (top > 1e150 || top < 1e-150) && top > 0 && !math.IsInf(top, 0) {
		return top
	}
	return 1
}

func betaMoments(a, b float64) (mean, sd float64) {
	s := a + b
	// (a/s)(b/s)/(s+1) rather than ab/(s²(s+1)), which underflows or
	// overflows for shapes beyond 10¹⁰⁰.
	return a / s, math.Sqrt((a / s) * (b / s) / (s + 1))
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

// invert solves d.cdf(x) = p for x in [lo, hi] (which must bracket the
// root) by Newton steps on the distribution function, falling back to
// bisection whenever a step leaves the bracket or the density vanishes.
// Bisection is geometric when the bracket spans orders of magnitude on one
// side of 0, so that quantiles like 1e-200 are reached.
func invert(d *dist, p, lo, hi float64) float64 {
	if lo == hi {
		return lo
	}
	x := bisect(lo, hi)
	for range 500 {
		f := d.cdf(x) - p
		if f == 0 {
			return x
		}
		if f < 0 {
			lo = x
		} else {
			hi = x
		}
		next := x - f/d.pdf(x)
		if !(next > lo && next < hi) {
			next = bisect(lo, hi)
		}
		if math.Abs(next-x) <= 4e-16*math.Abs(x) || hi-lo <= 4e-16*math.Max(math.Abs(lo), math.Abs(hi)) {
			return next
		}
		x = next
	}
	return x
}

// bisect returns a point strictly inside (lo, hi) if there is one: 0 when
// they have opposite signs (so that a quantile near 0, such as that of a
// spike at 0 beside a wide component, is not approached by halving from
// far away, which takes over 500 steps to reach 1e-151), the geometric
// mean when both are positive (or both negative) and far apart, a point
// 2⁻⁶⁴ of the way when one end is 0, the midpoint otherwise.
func bisect(lo, hi float64) float64 {
	switch {
	case lo < 0 && hi > 0:
		return 0
	case lo > 0 && hi > 4*lo:
		return math.Sqrt(lo) * math.Sqrt(hi)
	case hi < 0 && lo < 4*hi:
		return -math.Sqrt(-lo) * math.Sqrt(-hi)
	case lo == 0 && hi > 1e-300:
		return hi * 0x1p-64
	case hi == 0 && lo < -1e-300:
		return lo * 0x1p-64
	}
	return lo + (hi-lo)/2
}
