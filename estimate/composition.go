package estimate

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/exodus-lab/exodus"
)

type compKind uint8

const (
	compInvalid compKind = iota
	compDirichlet
	compRanges
	compFixed
)

// A Composition is an uncertain split of a whole into K shares, such as
// "which sectors the emigrants came from": every draw is K non-negative
// shares that add up to 1. Build one with [Dirichlet], [DirichletMean],
// [RangeShares] or [FixedShares]; declare it on a [Model] with
// [Model.Shares].
//
// The zero Composition is invalid (Len returns 0). A Composition is
// immutable and safe for concurrent use.
type Composition struct {
	kind    compKind
	alpha   []float64  // Dirichlet
	small   bool       // Dirichlet: some alpha < 1, sample in log space
	ranges  []Estimate // RangeShares
	mean    []float64  // expected shares (fixed: the shares)
	name    string
	sources []exodus.Source
}

// Dirichlet returns the Dirichlet distribution with parameters alpha, each
// finite and > 0: the expected shares are alpha[i]/Σalpha and a larger
// Σalpha (the concentration) means less spread. The error wraps
// [ErrInvalid] and names the first bad element; alpha must not be empty.
func Dirichlet(alpha []float64) (Composition, error) {
	if len(alpha) == 0 {
		return Composition{}, paramErr("Dirichlet", "len(alpha)", 0, "must be > 0")
	}
	sum := 0.0
	small := false
	for i, a := range alpha {
		if err := checkPositive("Dirichlet", "alpha["+strconv.Itoa(i)+"]", a); err != nil {
			return Composition{}, err
		}
		sum += a
		small = small || a < 1
	}
	mean := make([]float64, len(alpha))
	for i, a := range alpha {
		mean[i] = a / sum
	}
	fixSum(mean)
	return Composition{kind: compDirichlet, alpha: slices.Clone(alpha), small: small, mean: mean}, nil
}

// DirichletMean returns the Dirichlet distribution with the given expected
// shares and concentration (Σalpha): alpha[i] = mean[i]·concentration. The
// shares are normalised to sum to 1 first. A share's standard deviation is
// √(m(1−m)/(concentration+1)), so concentration 99 gives a share of 0.3 an
// SD of about 0.046. The error wraps [ErrInvalid] and names a share that is
// NaN, infinite or ≤ 0, or a concentration that is not finite and > 0.
func DirichletMean(mean []float64, concentration float64) (Composition, error) {
	if err := checkPositive("DirichletMean", "concentration", concentration); err != nil {
		return Composition{}, err
	}
	if len(mean) == 0 {
		return Composition{}, paramErr("DirichletMean", "len(mean)", 0, "must be > 0")
	}
	sum := 0.0
	for i, m := range mean {
		if err := checkPositive("DirichletMean", "mean["+strconv.Itoa(i)+"]", m); err != nil {
			return Composition{}, err
		}
		sum += m
	}
	alpha := make([]float64, len(mean))
	for i, m := range mean {
		alpha[i] = m / sum * concentration
	}
	c, err := Dirichlet(alpha)
	if err != nil {
		// Underflow of a tiny share times a tiny concentration.
		return Composition{}, paramErr("DirichletMean", "concentration", concentration, "too small for the shares")
	}
	return c, nil
}

// RangeShares returns a composition whose i-th share is drawn from
// ranges[i] and the K draws renormalised to sum to 1, as when surveys give
// each sector's share as a range ("IT: 27–45%"). Each range must be
// non-negative (its distribution's support within [0, ∞)), and at least
// one must be able to be positive. The ranges are correlated only through
// the renormalisation. In the rare draw where every share is 0, the shares
// are the expected ones.
//
// The error wraps [ErrInvalid] and names the first zero Estimate or range
// that can be negative.
func RangeShares(ranges []Estimate) (Composition, error) {
	if len(ranges) == 0 {
		return Composition{}, paramErr("RangeShares", "len(ranges)", 0, "must be > 0")
	}
	mean := make([]float64, len(ranges))
	sum := 0.0
	for i, e := range ranges {
		name := "ranges[" + strconv.Itoa(i) + "]"
		if e.IsZero() {
			return Composition{}, paramProblem("RangeShares", name, notZeroEstimate)
		}
		lo, _ := e.d.support()
		if lo < 0 {
			return Composition{}, paramErr("RangeShares", name+" lower bound", lo, "must be ≥ 0 (a share cannot be negative)")
		}
		mean[i] = e.Mean()
		sum += mean[i]
	}
	if !(sum > 0) {
		return Composition{}, paramErr("RangeShares", "sum of means", sum, "must be > 0")
	}
	for i := range mean {
		mean[i] /= sum
	}
	fixSum(mean)
	return Composition{kind: compRanges, ranges: slices.Clone(ranges), mean: mean}, nil
}

// FixedShares returns a composition without uncertainty: shares normalised
// once to sum to 1. The error wraps [ErrInvalid] and names a share that is
// NaN, infinite or negative, or a sum that is 0.
func FixedShares(shares []float64) (Composition, error) {
	if len(shares) == 0 {
		return Composition{}, paramErr("FixedShares", "len(shares)", 0, "must be > 0")
	}
	sum := 0.0
	for i, s := range shares {
		name := "shares[" + strconv.Itoa(i) + "]"
		if err := finite("FixedShares", name, s); err != nil {
			return Composition{}, err
		}
		if s < 0 {
			return Composition{}, paramErr("FixedShares", name, s, "must be ≥ 0")
		}
		sum += s
	}
	if !(sum > 0) || isBad(sum) {
		return Composition{}, paramErr("FixedShares", "sum(shares)", sum, "must be finite and > 0")
	}
	mean := make([]float64, len(shares))
	for i, s := range shares {
		mean[i] = s / sum
	}
	fixSum(mean)
	return Composition{kind: compFixed, mean: mean}, nil
}

// Len returns the number of shares K (0 for the zero Composition).
func (c Composition) Len() int { return len(c.mean) }

// Mean returns the expected shares (a copy). For [RangeShares] it is the
// ranges' means renormalised, a first-order approximation of the expected
// renormalised draw.
func (c Composition) Mean() []float64 { return slices.Clone(c.mean) }

// Sample draws one composition into dst, which must have [Composition.Len]
// elements: non-negative shares that add up to exactly 1 when summed in
// index order. It does not allocate. It panics, as programming errors,
// if r is nil (for every Composition, the zero one too, as
// [Estimate.Sample] does) or len(dst) != c.Len().
func (c Composition) Sample(r *rand.Rand, dst []float64) {
	if r == nil {
		panic("estimate: Composition.Sample: nil *rand.Rand")
	}
	if len(dst) != len(c.mean) {
		panic("estimate: Composition.Sample: len(dst) = " + strconv.Itoa(len(dst)) + ", want " + strconv.Itoa(len(c.mean)))
	}
	c.sample(r, dst)
}

// sample is Sample without the length check.
func (c *Composition) sample(r *rand.Rand, dst []float64) {
	switch c.kind {
	case compFixed:
		copy(dst, c.mean)
		return
	case compDirichlet:
		if c.small {
			// Shapes below 1 can underflow to 0: work with logarithms,
			// ln G(a) = ln G(a+1) + ln(U)/a, and scale by the largest.
			mx := math.Inf(-1)
			for i, a := range c.alpha {
				if a < 1 {
					dst[i] = math.Log(gammaRand(r, a+1)) + math.Log(r.Float64())/a
				} else {
					dst[i] = math.Log(gammaRand(r, a))
				}
				mx = math.Max(mx, dst[i])
			}
			for i := range dst {
				dst[i] = math.Exp(dst[i] - mx)
			}
		} else {
			for i, a := range c.alpha {
				dst[i] = gammaRand(r, a)
			}
		}
	case compRanges:
		for i, e := range c.ranges {
			dst[i] = math.Max(0, e.d.sample(r))
		}
	}
	normalise(dst, c.mean)
}

// normalise scales v to sum to exactly 1 in index order (see fixSum), or
// copies fallback when v sums to 0. The common case takes two passes.
func normalise(v, fallback []float64) {
	s := 0.0
	for _, x := range v {
		s += x
	}
	if !(s > 0) || isBad(s) {
		copy(v, fallback)
		return
	}
	inv := 1 / s
	n := len(v)
	a := 0.0
	for i := range v[:n-1] {
		v[i] *= inv
		a += v[i]
	}
	if a <= 1 {
		v[n-1] = 1 - a
		return
	}
	v[n-1] *= inv
	fixSum(v)
}

// fixSum adjusts v, non-negative shares that sum to 1 up to rounding, so
// that their sum in index order is exactly 1: the last share becomes
// 1 − a, a being the sum of the others. For a in [0, 1], a + fl(1 − a)
// rounds to exactly 1 (the error of fl(1 − a) is at most 2⁻⁵⁴). The change
// is the rounding error of a, below len(v)·2⁻⁵³ in absolute terms. In the
// rare case a > 1 the largest other share is lowered ulp by ulp first.
func fixSum(v []float64) {
	n := len(v)
	if n == 0 {
		return
	}
	for range 64 {
		a := 0.0
		big := 0
		for i, x := range v[:n-1] {
			a += x
			if x > v[big] {
				big = i
			}
		}
		if a <= 1 {
			v[n-1] = 1 - a
			return
		}
		v[big] = math.Max(0, math.Nextafter(v[big], -1))
	}
}

// Named returns a copy of c with the given name.
func (c Composition) Named(name string) Composition {
	c.name = name
	return c
}

// Name returns the name given by [Composition.Named], or "".
func (c Composition) Name() string { return c.name }

// WithSources returns a copy of c with src appended to its sources.
func (c Composition) WithSources(src ...exodus.Source) Composition {
	c.sources = append(slices.Clip(c.sources), src...)
	return c
}

// Sources returns a copy of the sources, in the order they were added.
func (c Composition) Sources() []exodus.Source { return slices.Clone(c.sources) }
