package estimate

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/exodus-lab/exodus"
)

// z90 is the standard normal 0.95-quantile: a central 90% interval spans
// ±z90 standard deviations.
const z90 = 1.6448536269514722

// An Estimate is an immutable univariate distribution with a name and the
// sources it comes from. Build one with a constructor such as [Between],
// [PERT] or [Normal], or by pooling with [Pool].
//
// The zero Estimate is invalid ([Estimate.IsZero] reports it): its numeric
// methods return NaN and it cannot enter a pool or a model. An Estimate is
// safe for concurrent use; [Estimate.Named] and [Estimate.WithSources]
// return modified copies. Compare estimates by their methods; == does not
// compile.
type Estimate struct {
	d       *dist
	name    string
	sources []exodus.Source
	pool    *Pooling
	nodes   int32 // estimates below a pool, counted as often as they appear
	depth   int32 // 1 + the deepest input's depth for a pool, else 0
}

func newEstimate(d *dist) Estimate {
	d.mean, d.sd = d.moments()
	return Estimate{d: d}
}

func isBad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// Point returns an estimate with no spread: v with certainty. A point
// cannot enter a [Pool]; give it a spread first. The error wraps
// [ErrInvalid] when v is NaN or infinite.
func Point(v float64) (Estimate, error) {
	if err := finite("Point", "v", v); err != nil {
		return Estimate{}, err
	}
	return derive("Point", "v", v, "", &dist{kind: kindPoint, p: [6]float64{v}})
}

// checkOrder validates lo < hi, both finite.
func checkOrder(fn string, lo, hi float64) error {
	if err := finite(fn, "lo", lo, "hi", hi); err != nil {
		return err
	}
	if lo >= hi {
		return paramErr(fn, "lo", lo, "must be < hi = "+fmtG(hi))
	}
	if math.IsInf(hi-lo, 0) {
		return paramErr(fn, "hi", hi, "too far from lo = "+fmtG(lo)+": hi − lo overflows")
	}
	return nil
}

// checkMode validates lo < hi and lo ≤ mode ≤ hi.
func checkMode(fn string, lo, mode, hi float64) error {
	if err := checkOrder(fn, lo, hi); err != nil {
		return err
	}
	if err := finite(fn, "mode", mode); err != nil {
		return err
	}
	if mode < lo || mode > hi {
		return paramErr(fn, "mode", mode, "must be in [lo, hi] = ["+fmtG(lo)+", "+fmtG(hi)+"]")
	}
	return nil
}

func checkPositive(fn, name string, v float64) error {
	if err := finite(fn, name, v); err != nil {
		return err
	}
	if v <= 0 {
		return paramErr(fn, name, v, "must be > 0")
	}
	return nil
}

func checkLevel(fn string, level float64) error {
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return paramErr(fn, "level", level, "must be in (0, 1)")
	}
	return nil
}

// Uniform returns the uniform distribution on [lo, hi]. The error wraps
// [ErrInvalid] when a bound is NaN or infinite or lo ≥ hi.
func Uniform(lo, hi float64) (Estimate, error) {
	if err := checkOrder("Uniform", lo, hi); err != nil {
		return Estimate{}, err
	}
	return derive("Uniform", "hi", hi, "with lo = "+fmtG(lo), &dist{kind: kindUniform, p: [6]float64{lo, hi}})
}

// Triangular returns the triangular distribution on [lo, hi] with its peak
// at mode. The error wraps [ErrInvalid] when a parameter is NaN or
// infinite, lo ≥ hi or mode is outside [lo, hi].
func Triangular(lo, mode, hi float64) (Estimate, error) {
	if err := checkMode("Triangular", lo, mode, hi); err != nil {
		return Estimate{}, err
	}
	return derive("Triangular", "mode", mode, "with lo = "+fmtG(lo)+", hi = "+fmtG(hi), &dist{kind: kindTriangular, p: [6]float64{lo, mode, hi}})
}

// PERT returns the PERT distribution on [lo, hi] with the given mode and
// the conventional shape λ = 4: a beta distribution scaled to [lo, hi]
// with α = 1 + 4(mode−lo)/(hi−lo) and β = 1 + 4(hi−mode)/(hi−lo), so its
// mean is (lo + 4·mode + hi)/6. Use it for expert judgement given as
// "lowest, most likely, highest". The errors are those of [Triangular].
func PERT(lo, mode, hi float64) (Estimate, error) {
	return pert("PERT", lo, mode, hi, 4)
}

// PERTLambda is [PERT] with shape λ > 0: a larger λ concentrates the mass
// around the mode. The error also wraps [ErrInvalid] when λ ≤ 0 or λ > 10⁶.
func PERTLambda(lo, mode, hi, lambda float64) (Estimate, error) {
	return pert("PERTLambda", lo, mode, hi, lambda)
}

func pert(fn string, lo, mode, hi, lambda float64) (Estimate, error) {
	if err := checkMode(fn, lo, mode, hi); err != nil {
		return Estimate{}, err
	}
	if err := checkShape(fn, "lambda", lambda); err != nil {
		return Estimate{}, err
	}
	return derive(fn, "lambda", lambda, "with lo = "+fmtG(lo)+", mode = "+fmtG(mode)+", hi = "+fmtG(hi), pertDist(lo, mode, hi, lambda))
}

// pertDist returns the PERT distribution, its shapes computed from lo,
// mode, hi and lambda alone, so that those four rebuild it exactly (as
// from JSON).
func pertDist(lo, mode, hi, lambda float64) *dist {
	w := hi - lo
	a := 1 + lambda*(mode-lo)/w
	b := 1 + lambda*(hi-mode)/w
	return &dist{kind: kindPERT, p: [6]float64{lo, mode, hi, a, b, lambda}}
}

// Normal returns the normal distribution with the given mean and standard
// deviation sd > 0. The error wraps [ErrInvalid] when a parameter is NaN or
// infinite or sd ≤ 0.
func Normal(mean, sd float64) (Estimate, error) {
	if err := finite("Normal", "mean", mean); err != nil {
		return Estimate{}, err
	}
	if err := checkPositive("Normal", "sd", sd); err != nil {
		return Estimate{}, err
	}
	return derive("Normal", "sd", sd, "with mean = "+fmtG(mean), &dist{kind: kindNormal, p: [6]float64{mean, sd}})
}

// LogNormal returns the distribution of exp(X) with X normal of mean mu and
// standard deviation sigma > 0: its median is exp(mu). The error wraps
// [ErrInvalid] when a parameter is NaN or infinite or sigma ≤ 0, or when
// the median exp(mu) or the mean exp(mu + sigma²/2) is not a finite,
// positive float64.
func LogNormal(mu, sigma float64) (Estimate, error) {
	if err := finite("LogNormal", "mu", mu); err != nil {
		return Estimate{}, err
	}
	if err := checkPositive("LogNormal", "sigma", sigma); err != nil {
		return Estimate{}, err
	}
	if m := math.Exp(mu); !(m > 0) || math.IsInf(m, 0) {
		return Estimate{}, paramErr("LogNormal", "mu", mu, "median exp(mu) = "+fmtG(m)+" is not a positive finite float64")
	}
	d := &dist{kind: kindLogNormal, p: [6]float64{mu, sigma}}
	e := newEstimate(d)
	if isBad(d.mean) || isBad(d.sd) {
		return Estimate{}, paramErr("LogNormal", "sigma", sigma, "too large for mu = "+fmtG(mu)+": the mean or SD overflows float64")
	}
	if f := d.flaw(); f != nil {
		return Estimate{}, paramErr("LogNormal", "sigma", sigma, "with mu = "+fmtG(mu)+" it gives "+f.String())
	}
	return e, nil
}

// maxShape bounds the shapes of the beta and PERT families: the continued
// fraction for their distribution function needs of the order of √shape
// terms, and beyond 10⁶ it no longer converges to full precision (a beta
// that concentrated is better stated as a [Normal] or a [ShareBetween]).
const maxShape = 1e6

func checkShape(fn, name string, v float64) error {
	if err := checkPositive(fn, name, v); err != nil {
		return err
	}
	if v > maxShape {
		return paramErr(fn, name, v, "must be ≤ 1e6")
	}
	return nil
}

// Beta returns the beta distribution on [0, 1] with shapes a > 0 and b > 0.
// The error wraps [ErrInvalid] when a shape is NaN, infinite, ≤ 0 or above
// 10⁶ (a share known that closely is better stated with [ShareBetween]).
func Beta(a, b float64) (Estimate, error) {
	if err := checkShape("Beta", "a", a); err != nil {
		return Estimate{}, err
	}
	if err := checkShape("Beta", "b", b); err != nil {
		return Estimate{}, err
	}
	return derive("Beta", "b", b, "with a = "+fmtG(a), &dist{kind: kindBeta, p: [6]float64{a, b}})
}

// Between returns a positive quantity whose central 90% interval is
// [lo, hi]: the lognormal with μ = (ln lo + ln hi)/2 and
// σ = (ln hi − ln lo)/(2 × 1.6448536269514722), as Squiggle's and
// squigglepy's "lo to hi" do. Its median is √(lo·hi). Use it for counts
// and amounts given as a range ("600,000 to 1 million"). The error wraps
// [ErrInvalid] when a bound is NaN, infinite or ≤ 0, lo ≥ hi, or hi/lo is
// so large (tens of orders of magnitude) that the mean or SD overflows
// float64.
func Between(lo, hi float64) (Estimate, error) {
	return between("Between", lo, hi, 0.9)
}

// BetweenLevel is [Between] for a central interval of the given level in
// (0, 1): BetweenLevel(lo, hi, 0.95) reads [lo, hi] as a 95% interval. Any
// level below 1 works, up to 1 − 2⁻⁵³: the normal quantile is computed as
// √2·erfinv(level), not from (1 + level)/2, which rounds to 1. The error
// also wraps [ErrInvalid] when level is outside (0, 1) or so close to 0
// (below about 10⁻¹⁶) that the interval carries no information, or when
// the resulting σ makes the mean or SD overflow float64.
func BetweenLevel(lo, hi, level float64) (Estimate, error) {
	return between("BetweenLevel", lo, hi, level)
}

func between(fn string, lo, hi, level float64) (Estimate, error) {
	if err := checkLevel(fn, level); err != nil {
		return Estimate{}, err
	}
	if err := checkPositive(fn, "lo", lo); err != nil {
		return Estimate{}, err
	}
	if err := checkOrder(fn, lo, hi); err != nil {
		return Estimate{}, err
	}
	z, err := zFor(fn, level)
	if err != nil {
		return Estimate{}, err
	}
	// ln hi − ln lo as ln(1 + (hi−lo)/lo), which does not round to 0 when
	// hi and lo are neighbours (their logarithms can be the same float64).
	l, h := math.Log(lo), math.Log(hi)
	d := &dist{kind: kindLogNormal, p: [6]float64{(l + h) / 2, log1pRatio(hi-lo, lo) / (2 * z)}}
	return derive(fn, "hi", hi, "with lo = "+fmtG(lo)+" as a "+fmtG(level)+" interval", d)
}

// zFor returns the standard normal quantile bounding a central interval of
// the given level, Φ⁻¹((1 + level)/2) = √2·erfinv(level), and an error
// naming the level when it is so close to 0 (below about 1.1e-16, where
// 1 + level rounds to 1) that the interval carries no information. It is
// computed from the level itself, not from (1 + level)/2, which rounds to
// 1 for the level 1 − 2⁻⁵³ and would give z = +Inf and σ = 0.
func zFor(fn string, level float64) (float64, error) {
	if level == 0.9 {
		return z90, nil
	}
	z := sqrt2 * math.Erfinv(level)
	if 1+level == 1 || !(z > 0) {
		return 0, paramErr(fn, "level", level, "too close to 0")
	}
	if math.IsInf(z, 0) {
		return 0, paramErr(fn, "level", level, "too close to 1")
	}
	return z, nil
}

// NormalBetween returns the normal distribution whose central 90% interval
// is [lo, hi]: mean (lo+hi)/2 and sd (hi−lo)/(2 × 1.6448536269514722). Use
// it for signed quantities such as a change or a balance. The error wraps
// [ErrInvalid] when a bound is NaN or infinite or lo ≥ hi, or when the SD
// would round to 0 (NormalBetween(0, 5e-324)) or exceed [MaxMagnitude].
func NormalBetween(lo, hi float64) (Estimate, error) {
	return normalBetween("NormalBetween", lo, hi, 0.9)
}

// NormalBetweenLevel is [NormalBetween] for a central interval of the
// given level in (0, 1). The error also wraps [ErrInvalid] for a level
// outside (0, 1) or too close to 0, as for [BetweenLevel].
func NormalBetweenLevel(lo, hi, level float64) (Estimate, error) {
	return normalBetween("NormalBetweenLevel", lo, hi, level)
}

func normalBetween(fn string, lo, hi, level float64) (Estimate, error) {
	if err := checkLevel(fn, level); err != nil {
		return Estimate{}, err
	}
	if err := checkOrder(fn, lo, hi); err != nil {
		return Estimate{}, err
	}
	z, err := zFor(fn, level)
	if err != nil {
		return Estimate{}, err
	}
	return derive(fn, "hi", hi, "with lo = "+fmtG(lo)+" as a "+fmtG(level)+" interval", &dist{kind: kindNormal, p: [6]float64{lo/2 + hi/2, (hi - lo) / (2 * z)}})
}

// ShareBetween returns a share (a proportion, such as "27–45% of emigrants
// work in IT") whose central 90% interval is [lo, hi], with 0 < lo < hi < 1.
// It is the logit-normal distribution: the log-odds ln(x/(1−x)) are normal
// with μ = (logit lo + logit hi)/2 and σ = (logit hi − logit lo)/(2 ×
// 1.6448536269514722). Every draw lies in [0, 1], and strictly inside
// unless float64 cannot tell it from an end (a share above 1 − 10⁻¹⁶,
// log-odds beyond about 37, rounds to 1).
//
// The logit-normal is chosen over a beta fitted to the interval because it
// matches both ends exactly in closed form (a beta needs a two-parameter
// numerical fit that does not always exist to the same precision), it is
// to shares what [Between]'s lognormal is to counts (a normal on the
// natural unbounded scale), and its logarithmic pool is again a
// logit-normal. Its median is the share whose log-odds are μ.
//
// The error wraps [ErrInvalid] when a bound is NaN, outside (0, 1), or
// lo ≥ hi. Neighbouring bounds are fine: σ is computed from
// ln(hi/lo) + ln((1−lo)/(1−hi)), which does not round to 0.
func ShareBetween(lo, hi float64) (Estimate, error) {
	return shareBetween("ShareBetween", lo, hi, 0.9)
}

// ShareBetweenLevel is [ShareBetween] for a central interval of the given
// level in (0, 1). The error also wraps [ErrInvalid] for a level outside
// (0, 1) or too close to 0, as for [BetweenLevel].
func ShareBetweenLevel(lo, hi, level float64) (Estimate, error) {
	return shareBetween("ShareBetweenLevel", lo, hi, level)
}

func shareBetween(fn string, lo, hi, level float64) (Estimate, error) {
	if err := checkLevel(fn, level); err != nil {
		return Estimate{}, err
	}
	for _, b := range []struct {
		name string
		v    float64
	}{{"lo", lo}, {"hi", hi}} {
		if math.IsNaN(b.v) || b.v <= 0 || b.v >= 1 {
			return Estimate{}, paramErr(fn, b.name, b.v, "must be in (0, 1)")
		}
	}
	if lo >= hi {
		return Estimate{}, paramErr(fn, "lo", lo, "must be < hi = "+fmtG(hi))
	}
	z, err := zFor(fn, level)
	if err != nil {
		return Estimate{}, err
	}
	// logit hi − logit lo as ln(hi/lo) + ln((1−lo)/(1−hi)), each as a
	// log1p, which does not round to 0 for neighbouring bounds.
	l, h := logit(lo), logit(hi)
	diff := log1pRatio(hi-lo, lo) + log1pRatio(hi-lo, 1-hi)
	return derive(fn, "hi", hi, "with lo = "+fmtG(lo)+" as a "+fmtG(level)+" interval", &dist{kind: kindLogitNormal, p: [6]float64{(l + h) / 2, diff / (2 * z)}})
}

// IsZero reports whether e is the zero Estimate, which is invalid.
func (e Estimate) IsZero() bool { return e.d == nil }

// IsPoint reports whether e has no spread, as made by [Point].
func (e Estimate) IsPoint() bool { return e.d != nil && e.d.kind == kindPoint }

// Mean returns the expected value (NaN for the zero Estimate).
func (e Estimate) Mean() float64 {
	if e.d == nil {
		return math.NaN()
	}
	return e.d.mean
}

// SD returns the standard deviation (NaN for the zero Estimate).
func (e Estimate) SD() float64 {
	if e.d == nil {
		return math.NaN()
	}
	return e.d.sd
}

// Quantile returns the p-quantile, the value x with P(X ≤ x) = p, for p in
// [0, 1]: in closed form for the uniform, triangular, normal, lognormal and
// logit-normal families, to about 15 significant digits by safeguarded
// Newton iteration for the beta, PERT and linear-pool families, and by
// linear interpolation of the table for a tabulated estimate (a numerical
// logarithmic pool or [Summary.Estimate]'s draws). It returns NaN
// for p outside [0, 1] and for the zero Estimate, and ±Inf at 0 or 1 for
// unbounded families.
func (e Estimate) Quantile(p float64) float64 {
	if e.d == nil {
		return math.NaN()
	}
	return e.d.quantile(p)
}

// CDF returns P(X ≤ x) (NaN for the zero Estimate or NaN x).
func (e Estimate) CDF(x float64) float64 {
	if e.d == nil {
		return math.NaN()
	}
	return e.d.cdf(x)
}

// Median returns the 0.5-quantile.
func (e Estimate) Median() float64 { return e.Quantile(0.5) }

// Interval returns the central (equal-tailed) interval holding the given
// probability level in (0, 1): the (1−level)/2 and (1+level)/2 quantiles.
// Interval(0.9) is the 5% to 95% range. It returns NaN, NaN for a level
// outside (0, 1). For the normal, lognormal and logit-normal families the
// bounds are μ ∓ σz (transformed) with z = √2·erfinv(level) computed from
// the level itself, as [BetweenLevel] and its kin compute it, so that
// BetweenLevel(lo, hi, level).Interval(level) gives lo and hi back even
// for a level such as 1 − 2⁻⁵³, where (1+level)/2 rounds to 1, or 10⁻¹⁵,
// where (1−level)/2 keeps only a few of the level's digits.
func (e Estimate) Interval(level float64) (lo, hi float64) {
	if math.IsNaN(level) || level <= 0 || level >= 1 || e.d == nil {
		return math.NaN(), math.NaN()
	}
	return e.d.interval(level)
}

// Sample draws one value using r (NaN for the zero Estimate). It does not
// allocate. The sequence of values depends only on r's stream, so a seeded
// r reproduces it.
//
// r must not be nil: there is no package-level generator to fall back on.
// A nil r is a programming error, and Sample panics on it, for every
// Estimate (the zero one too), as the methods of a nil *rand.Rand do;
// [Composition.Sample] does the same.
func (e Estimate) Sample(r *rand.Rand) float64 {
	if r == nil {
		panic("estimate: Estimate.Sample: nil *rand.Rand")
	}
	if e.d == nil {
		return math.NaN()
	}
	return e.d.sample(r)
}

// Named returns a copy of e with the given name, such as "emigrants, 2022".
func (e Estimate) Named(name string) Estimate {
	e.name = name
	return e
}

// Name returns the name given by [Estimate.Named], or "".
func (e Estimate) Name() string { return e.name }

// WithSources returns a copy of e with src appended to its sources.
func (e Estimate) WithSources(src ...exodus.Source) Estimate {
	e.sources = append(slices.Clip(e.sources), src...)
	return e
}

// Sources returns a copy of the sources, in the order they were added. A
// pooled estimate lists the sources of all its inputs, then its own.
func (e Estimate) Sources() []exodus.Source { return slices.Clone(e.sources) }

// Family returns the name of the distribution family: "point", "uniform",
// "triangular", "PERT", "normal", "lognormal", "beta", "logit-normal",
// "mixture" (a linear pool), "tabulated" or "invalid" (the zero Estimate).
// A tabulated estimate is given by a table of its distribution function:
// either a logarithmic pool with no closed form, tabulated numerically by
// [Pool], or a Monte Carlo output turned into an estimate by
// [Summary.Estimate], whose table is the sorted draws.
func (e Estimate) Family() string {
	if e.d == nil {
		return kindInvalid.String()
	}
	return e.d.kind.String()
}

// Must returns v, and panics if err is not nil. It is meant for literals
// in tests, examples and package-level tables, where a bad parameter is a
// programming error:
//
//	var emigrants = estimate.Must(estimate.Between(600_000, 1_000_000))
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
