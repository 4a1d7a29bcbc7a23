package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Variance returns the variance, the square of [Estimate.SD]: NaN for the
// zero Estimate, 0 for a point, and +Inf when the SD is finite but its
// square overflows float64 (an SD above about 1.3e154, as of a very wide
// lognormal).
func (e Estimate) Variance() float64 {
	if e.d == nil {
		return math.NaN()
	}
	return e.d.sd * e.d.sd
}

// Prob returns the probability density at x, as gonum's distuv calls it:
// 0 outside the support; for a mixture the weighted sum of its
// components' densities; for a tabulated estimate the piecewise constant
// density of its table. It returns NaN for the zero Estimate, for NaN x,
// and for a point, which has no density. Where a beta or PERT density is
// infinite (at an end where a shape is below 1) it returns +Inf.
func (e Estimate) Prob(x float64) float64 {
	if e.d == nil || e.d.kind == kindPoint || math.IsNaN(x) {
		return math.NaN()
	}
	return math.Exp(e.d.logPDF(x))
}

// LogProb returns the natural logarithm of [Estimate.Prob]: −Inf outside
// the support, NaN where Prob is NaN. For the normal, lognormal and
// logit-normal families it is computed in closed form, so that it stays
// finite far in the tails where the density itself underflows to 0
// (Normal(0, 1).LogProb(40) = −800.92).
func (e Estimate) LogProb(x float64) float64 {
	if e.d == nil || e.d.kind == kindPoint || math.IsNaN(x) {
		return math.NaN()
	}
	return e.d.logPDF(x)
}

// Survival returns P(X > x), 1 − [Estimate.CDF](x), computed from the
// upper tail where the family allows (normal, lognormal, logit-normal,
// beta, PERT, uniform, triangular, and mixtures of them), so that it keeps
// its precision where the CDF rounds to 1: Normal(0, 1).Survival(10) is
// 7.6e-24, not 0. It returns NaN for the zero Estimate and for NaN x.
func (e Estimate) Survival(x float64) float64 {
	if e.d == nil || math.IsNaN(x) {
		return math.NaN()
	}
	return e.d.survival(x)
}

const lnSqrt2Pi = 0.918938533204672741780329736405617639861 // ln √(2π)

// logPDF returns the log density at x (not NaN).
func (d *dist) logPDF(x float64) float64 {
	switch d.kind {
	case kindNormal:
		z := (x - d.p[0]) / d.p[1]
		return -0.5*z*z - math.Log(d.p[1]) - lnSqrt2Pi
	case kindLogNormal:
		if x <= 0 {
			return math.Inf(-1)
		}
		lx := math.Log(x)
		z := (lx - d.p[0]) / d.p[1]
		return -0.5*z*z - math.Log(d.p[1]) - lnSqrt2Pi - lx
	case kindLogitNormal:
		if x <= 0 || x >= 1 {
			return math.Inf(-1)
		}
		z := (logit(x) - d.p[0]) / d.p[1]
		return -0.5*z*z - math.Log(d.p[1]) - lnSqrt2Pi - math.Log(x) - math.Log1p(-x)
	case kindTriangular:
		// As pdf, but with the density 2/(c−a) at a mode equal to an end
		// (pdf's second formula divides by c − m = 0 there).
		a, m, c := d.p[0], d.p[1], d.p[2]
		switch {
		case x < a || x > c:
			return math.Inf(-1)
		case x < m || m == c:
			return math.Log(2 * (x - a) / ((c - a) * (m - a)))
		}
		return math.Log(2 * (c - x) / ((c - a) * (c - m)))
	case kindMixture:
		// Through each component's logPDF, which is exact at a beta's
		// ends where pdf is not.
		s := 0.0
		for i, c := range d.comps {
			s += d.weights[i] * math.Exp(c.logPDF(x))
		}
		return math.Log(s)
	case kindBeta, kindPERT:
		a, b, lo, w := d.p[0], d.p[1], 0.0, 1.0
		if d.kind == kindPERT {
			a, b, lo, w = d.p[3], d.p[4], d.p[0], d.p[2]-d.p[0]
		}
		t := (x - lo) / w
		switch {
		case t < 0 || t > 1:
			return math.Inf(-1)
		case t == 0:
			return edgeLog(a, lbeta(a, b)) - math.Log(w)
		case t == 1:
			return edgeLog(b, lbeta(a, b)) - math.Log(w)
		}
		return (a-1)*math.Log(t) + (b-1)*math.Log1p(-t) - lbeta(a, b) - math.Log(w)
	}
	return math.Log(d.pdf(x))
}

// edgeLog returns the log density of a beta at the end where its shape is
// s: −Inf for s > 1, −ln B(a, b) for s = 1, +Inf for s < 1.
func edgeLog(s, lb float64) float64 {
	switch {
	case s > 1:
		return math.Inf(-1)
	case s < 1:
		return math.Inf(1)
	}
	return -lb
}

// survival returns P(X > x) for x not NaN.
func (d *dist) survival(x float64) float64 {
	switch d.kind {
	case kindPoint:
		if x < d.p[0] {
			return 1
		}
		return 0
	case kindUniform:
		return clamp01((d.p[1] - x) / (d.p[1] - d.p[0]))
	case kindTriangular:
		a, m, c := d.p[0], d.p[1], d.p[2]
		switch {
		case x <= a:
			return 1
		case x >= c:
			return 0
		case x > m:
			return (c - x) * (c - x) / ((c - a) * (c - m))
		}
		return 1 - (x-a)*(x-a)/((c-a)*(m-a))
	case kindNormal:
		return normCDF(-(x - d.p[0]) / d.p[1])
	case kindLogNormal:
		if x <= 0 {
			return 1
		}
		return normCDF(-(math.Log(x) - d.p[0]) / d.p[1])
	case kindLogitNormal:
		switch {
		case x <= 0:
			return 1
		case x >= 1:
			return 0
		}
		return normCDF(-(logit(x) - d.p[0]) / d.p[1])
	case kindBeta, kindPERT:
		a, b, lo, hi := d.p[0], d.p[1], 0.0, 1.0
		if d.kind == kindPERT {
			a, b, lo, hi = d.p[3], d.p[4], d.p[0], d.p[2]
		}
		switch {
		case x <= lo:
			return 1
		case x >= hi:
			return 0
		}
		// P(X > x) = I_{1−t}(b, a), with 1 − t = (hi − x)/(hi − lo)
		// computed directly.
		w := hi - lo
		return incBeta(b, a, (hi-x)/w, (x-lo)/w)
	case kindMixture:
		s := 0.0
		for i, c := range d.comps {
			s += d.weights[i] * c.survival(x)
		}
		return min(s, 1)
	}
	return 1 - d.cdf(x)
}

// Format implements [fmt.Formatter], so that Printf prints an estimate as
// a reader expects, never its struct:
//
//   - %v and %s print [Estimate.String], "780k (90%: 610k–1.0M)"; %q
//     prints it quoted;
//   - %f, %e and %g (and %F, %E, %G) print the median and the 90%
//     interval in that verb with the precision given, as strconv does:
//     fmt.Sprintf("%.0f", e) is "774597 (90%: 600000–1000000)". The
//     default precision is that of the verb (6 for %f and %e, the shortest
//     for %g). The bounds are joined by "to" when one is negative, as in
//     String; a point prints its value alone; the zero Estimate prints
//     "invalid estimate".
//
// Width and the '-' flag pad the whole text, as for finance's Amount. Other
// verbs print "%!d(estimate.Estimate=780k (90%: 610k–1.0M))".
func (e Estimate) Format(f fmt.State, verb rune) {
	var s string
	switch verb {
	case 'v', 's':
		s = e.String()
	case 'q':
		s = strconv.Quote(e.String())
	case 'f', 'F', 'e', 'E', 'g', 'G':
		prec, ok := f.Precision()
		if !ok {
			prec = 6
			if verb == 'g' || verb == 'G' {
				prec = -1
			}
		}
		fv := byte(verb)
		if verb == 'F' {
			fv = 'f'
		}
		num := func(v float64) string { return strconv.FormatFloat(v, fv, prec, 64) }
		switch {
		case e.d == nil:
			s = e.String()
		case e.IsPoint():
			s = num(e.d.p[0])
		default:
			lo, hi := e.Interval(0.9)
			sep := "–"
			if lo < 0 || hi < 0 {
				sep = " to "
			}
			s = num(e.Median()) + " (90%: " + num(lo) + sep + num(hi) + ")"
		}
	default:
		fmt.Fprintf(f, "%%!%c(estimate.Estimate=%s)", verb, e.String())
		return
	}
	if w, ok := f.Width(); ok {
		if n := len([]rune(s)); n < w {
			pad := strings.Repeat(" ", w-n)
			if f.Flag('-') {
				s += pad
			} else {
				s = pad + s
			}
		}
	}
	_, _ = f.Write([]byte(s))
}
