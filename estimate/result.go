package estimate

import (
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/exodus-lab/exodus"
)

// A QuantileMethod selects the definition of a sample quantile, numbered
// as in R. J. Hyndman and Y. Fan, "Sample quantiles in statistical
// packages", The American Statistician 50(4), 1996. The zero value means
// type 7, the default of R, numpy and Squiggle.
type QuantileMethod int

// The nine Hyndman–Fan definitions. Types 1–3 are discontinuous (they
// return an observed value); types 4–9 interpolate linearly between order
// statistics.
const (
	HyndmanFan1 QuantileMethod = iota + 1 // inverse of the empirical distribution function
	HyndmanFan2                           // as type 1, averaging at discontinuities
	HyndmanFan3                           // nearest order statistic, ties to even (SAS)
	HyndmanFan4                           // linear interpolation of the empirical distribution function
	HyndmanFan5                           // piecewise linear, knots at (k−½)/n
	HyndmanFan6                           // p(k) = k/(n+1), Minitab and SPSS
	HyndmanFan7                           // p(k) = (k−1)/(n−1), the default of R, numpy and Squiggle
	HyndmanFan8                           // p(k) = (k−⅓)/(n+⅓), approximately median-unbiased (Hyndman and Fan's choice)
	HyndmanFan9                           // p(k) = (k−⅜)/(n+¼), approximately unbiased for normal data
)

func (q QuantileMethod) valid() bool { return q >= 0 && q <= HyndmanFan9 }

// String returns "Hyndman–Fan type N".
func (q QuantileMethod) String() string {
	if q == 0 {
		q = HyndmanFan7
	}
	if !q.valid() {
		return "QuantileMethod(" + strconv.Itoa(int(q)) + ")"
	}
	return "Hyndman–Fan type " + strconv.Itoa(int(q))
}

// sampleQuantile returns the p-quantile of the sorted sample x.
func sampleQuantile(x []float64, p float64, q QuantileMethod) float64 {
	return quantileOf(len(x), p, q, func(k int) float64 { return x[k] })
}

// quantileOf returns the p-quantile of a sample of n values whose order
// statistic of 0-based rank k is at(k). It calls at with k in [0, n) only.
func quantileOf(n int, p float64, q QuantileMethod, at0 func(k int) float64) float64 {
	if n == 0 || math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	nf := float64(n)
	// at returns the k-th order statistic, 1-based, clamped to [1, n].
	at := func(k int) float64 { return at0(min(max(k, 1), n) - 1) }
	var h float64
	switch q {
	case HyndmanFan1:
		if p == 0 {
			return at(1)
		}
		return at(int(math.Ceil(nf * p)))
	case HyndmanFan2:
		if p == 0 {
			return at(1)
		}
		if p == 1 {
			return at(n)
		}
		h = nf * p
		return (at(int(math.Ceil(h))) + at(int(math.Floor(h))+1)) / 2
	case HyndmanFan3:
		return at(int(math.RoundToEven(nf * p)))
	case HyndmanFan4:
		h = nf * p
	case HyndmanFan5:
		h = nf*p + 0.5
	case HyndmanFan6:
		h = (nf + 1) * p
	case HyndmanFan8:
		h = (nf+1.0/3)*p + 1.0/3
	case HyndmanFan9:
		h = (nf+0.25)*p + 0.375
	default: // 0 and HyndmanFan7
		h = (nf-1)*p + 1
	}
	if h <= 1 {
		return at(1)
	}
	if h >= nf {
		return at(n)
	}
	fl := math.Floor(h)
	k := int(fl)
	lo := at(k)
	if h == fl {
		return lo
	}
	hi := at(k + 1)
	return lo + (h-fl)*(hi-lo)
}

// shortest returns the shortest interval holding a fraction level of the
// sorted sample x, per JCGM 101:2008 §7.7.2: with q = pM rounded half up,
// the pair (x[r], x[r+q]) of least width.
func shortest(x []float64, level float64) (lo, hi float64) {
	n := len(x)
	if n == 0 || math.IsNaN(level) || level <= 0 || level >= 1 {
		return math.NaN(), math.NaN()
	}
	q := int(math.Floor(level*float64(n) + 0.5))
	if q >= n {
		return x[0], x[n-1]
	}
	if q < 1 {
		q = 1
	}
	best := 0
	bw := math.Inf(1)
	for r := 0; r+q < n; r++ {
		if w := x[r+q] - x[r]; w < bw {
			best, bw = r, w
		}
	}
	return x[best], x[best+q]
}

// output is the sample of one output, in draw order, or in a streaming
// run its sketch, with the order statistics found so far.
type output struct {
	samples  []float64 // nil in a streaming run
	sk       *sketch   // streaming runs only
	n        int
	mean, sd float64

	mu   sync.Mutex
	memo map[int]float64 // order statistics by 0-based rank
}

// maxMemo bounds the order statistics an output remembers.
const maxMemo = 256

// orderStats returns the order statistics of the given 0-based ranks
// (any order, duplicates allowed), selecting those not yet known in one
// go. The sample is only read.
func (o *output) orderStats(ranks []int) []float64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	var missing []int
	for _, k := range ranks {
		if _, ok := o.memo[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		missing = slices.Compact(missing)
		vals := make([]float64, len(missing))
		orderStats(o.samples, missing, vals)
		if o.memo == nil || len(o.memo)+len(missing) > maxMemo {
			o.memo = make(map[int]float64, len(missing))
		}
		for i, k := range missing {
			o.memo[k] = vals[i]
		}
	}
	out := make([]float64, len(ranks))
	for i, k := range ranks {
		out[i] = o.memo[k]
	}
	return out
}

// quantiles returns the ps-quantiles by method q.
func (o *output) quantiles(q QuantileMethod, ps []float64) []float64 {
	out := make([]float64, len(ps))
	if o.sk != nil {
		for i, p := range ps {
			out[i] = o.sk.quantile(p)
		}
		return out
	}
	// Record the order statistics each quantile needs, find them all at
	// once, then compute the quantiles from them.
	var ranks []int
	for _, p := range ps {
		quantileOf(o.n, p, q, func(k int) float64 { ranks = append(ranks, k); return 0 })
	}
	vals := o.orderStats(ranks)
	for i, p := range ps {
		out[i] = quantileOf(o.n, p, q, func(k int) float64 {
			v := vals[0]
			vals = vals[1:]
			return v
		})
	}
	return out
}

// meanSD returns the mean and the sample standard deviation (two-pass,
// n−1 denominator; NaN for one draw). Both sums are pairwise over blocks of
// 256 with four accumulators: accurate to about 10⁻¹⁵ relative, and
// deterministic for a given sample.
func meanSD(x []float64) (mean, sd float64) {
	n := float64(len(x))
	mean = pairwise(x, 0, false) / n
	if len(x) < 2 {
		return mean, math.NaN()
	}
	return mean, math.Sqrt(pairwise(x, mean, true) / (n - 1))
}

// pairwise returns Σ x[i], or Σ (x[i] − c)² if sq, summing blocks of 256
// with four accumulators and combining the block sums pairwise.
func pairwise(x []float64, c float64, sq bool) float64 {
	const block = 256
	if len(x) > block {
		half := len(x) / 2 / block * block
		if half == 0 {
			half = block
		}
		return pairwise(x[:half], c, sq) + pairwise(x[half:], c, sq)
	}
	var a [4]float64
	i := 0
	if sq {
		for ; i+4 <= len(x); i += 4 {
			d0, d1, d2, d3 := x[i]-c, x[i+1]-c, x[i+2]-c, x[i+3]-c
			a[0] += d0 * d0
			a[1] += d1 * d1
			a[2] += d2 * d2
			a[3] += d3 * d3
		}
		for ; i < len(x); i++ {
			d := x[i] - c
			a[0] += d * d
		}
	} else {
		for ; i+4 <= len(x); i += 4 {
			a[0] += x[i]
			a[1] += x[i+1]
			a[2] += x[i+2]
			a[3] += x[i+3]
		}
		for ; i < len(x); i++ {
			a[0] += x[i]
		}
	}
	return (a[0] + a[1]) + (a[2] + a[3])
}

// A Result holds the outputs of a [Model.Run]: every draw of every output,
// in draw order. It is immutable and safe for concurrent use.
//
// A nil *Result reads as an empty result: [Result.Len] and [Result.Draws]
// return 0, [Result.Seed] 0, [Result.Converged] false (there was no run),
// [Result.Sources] nil, and [Result.Output] the zero [Summary].
type Result struct {
	draws     int
	outs      []*output
	method    QuantileMethod
	converged bool
	seed      uint64
	sources   []exodus.Source
}

func (m *Model) newResult(cols [][]float64, opt Options, converged bool) *Result {
	r := m.resultShell(len(cols), opt, converged)
	for i, c := range cols {
		o := &output{samples: c, n: len(c)}
		o.mean, o.sd = meanSD(c)
		r.outs[i] = o
		r.draws = len(c)
	}
	return r
}

// resultShell returns a Result with the sources of the model's inputs and
// room for the outputs.
func (m *Model) resultShell(outputs int, opt Options, converged bool) *Result {
	r := &Result{outs: make([]*output, outputs), method: opt.Quantile, converged: converged, seed: opt.Seed}
	add := func(src []exodus.Source) {
		for _, s := range src {
			if !slices.Contains(r.sources, s) {
				r.sources = append(r.sources, s)
			}
		}
	}
	for _, e := range m.inputs {
		add(e.sources)
	}
	for _, c := range m.comps {
		add(c.sources)
	}
	return r
}

// Draws returns the number of draws made (in adaptive mode, the number the
// stopping rule needed).
func (r *Result) Draws() int {
	if r == nil {
		return 0
	}
	return r.draws
}

// Seed returns the [Options].Seed of the run that made r, for audit: the
// same model and inputs run again with this seed and [Result.Draws] draws
// (Options.Draws, not adaptive) give bit-identical outputs.
func (r *Result) Seed() uint64 {
	if r == nil {
		return 0
	}
	return r.seed
}

// Len returns the number of outputs; 0 for a nil *Result.
func (r *Result) Len() int {
	if r == nil {
		return 0
	}
	return len(r.outs)
}

// Sources returns the sources of all the model's inputs, without
// duplicates, in the order the inputs were declared: the provenance of
// every output.
func (r *Result) Sources() []exodus.Source {
	if r == nil {
		return nil
	}
	return slices.Clone(r.sources)
}

// Converged reports whether an adaptive run met its tolerance; it is true
// for a run with a fixed number of draws, and false for a nil *Result.
func (r *Result) Converged() bool { return r != nil && r.converged }

// Output returns the summary of output i, for i in [0, Len()). For i out
// of range, or on a nil *Result, it returns the zero Summary, whose methods
// return NaN.
func (r *Result) Output(i int) Summary {
	if i < 0 || i >= r.Len() {
		return Summary{}
	}
	return Summary{o: r.outs[i], q: r.method, r: r}
}

// A Summary describes the sample of one output of a [Result]. Quantiles
// use the [QuantileMethod] of the run's [Options]. The zero Summary has no
// sample: its methods return NaN (or nil). A Summary is safe for
// concurrent use.
//
// # Cost
//
// The draws stay in draw order: quantiles are found by selection, which
// reads the sample without sorting or copying it. A call to
// [Summary.Quantile], [Summary.Quantiles], [Summary.Interval] or
// [Summary.Median] makes one counting pass over the draws and one pass
// that copies out the few near the wanted ranks (about 8 ns per draw in
// all for three quantiles of 10⁷ draws, against about 170 for sorting a
// copy), using a 512 KiB table and at most a sixteenth of the sample's
// size while it runs. The order statistics found are remembered, so asking
// again, or for the median after the interval, is free. Ask for several
// quantiles in one [Summary.Quantiles] call to share the passes.
// [Summary.CDF] is one pass. [Summary.ShortestInterval] and
// [Summary.Estimate] sort a copy of the sample.
//
// # Streaming runs
//
// In a run with [Options].Stream, Mean, SD and StdErr are exact, but the
// draws are not kept: the quantiles come from a sketch. Quantile(p) is then
// within a relative error of [StreamAccuracy] (0.1%) of the draw of 0-based
// rank ⌊p(M−1)⌋ of the M sorted draws, whatever the QuantileMethod (the
// type-7 quantile lies between that draw and the next); p = 0 and p = 1
// give the exact minimum and maximum. The bound holds for draws within a
// factor 3·10²⁸ of the largest draw of the same sign. CDF(x) is off by at
// most the fraction of draws within 0.2% of x (its bucket). ShortestInterval returns
// NaN, NaN and Samples nil; Estimate interpolates 1001 quantiles of the
// sketch.
type Summary struct {
	o *output
	q QuantileMethod
	r *Result
}

// Draws returns the number of values in the sample.
func (s Summary) Draws() int {
	if s.o == nil {
		return 0
	}
	return s.o.n
}

// Mean returns the sample mean.
func (s Summary) Mean() float64 {
	if s.o == nil {
		return math.NaN()
	}
	return s.o.mean
}

// SD returns the sample standard deviation (denominator n−1), the standard
// uncertainty u(y) of JCGM 101 §7.6; NaN for a run of one draw.
func (s Summary) SD() float64 {
	if s.o == nil {
		return math.NaN()
	}
	return s.o.sd
}

// StdErr returns the Monte Carlo standard error of the mean, SD/√n: the
// numerical noise in [Summary.Mean] due to the finite number of draws.
func (s Summary) StdErr() float64 {
	if s.o == nil {
		return math.NaN()
	}
	return s.o.sd / math.Sqrt(float64(s.o.n))
}

// Quantile returns the sample p-quantile for p in [0, 1] (NaN outside).
func (s Summary) Quantile(p float64) float64 {
	if s.o == nil {
		return math.NaN()
	}
	return s.o.quantiles(s.q, []float64{p})[0]
}

// Quantiles returns the sample quantiles for each of ps, as
// [Summary.Quantile] would, finding the order statistics they need
// together (NaN for a p outside [0, 1]; nil for the zero Summary).
func (s Summary) Quantiles(ps ...float64) []float64 {
	if s.o == nil {
		return nil
	}
	return s.o.quantiles(s.q, ps)
}

// Median returns the sample 0.5-quantile.
func (s Summary) Median() float64 { return s.Quantile(0.5) }

// Interval returns the equal-tailed (probabilistically symmetric) coverage
// interval of JCGM 101 §7.7.1 for a level in (0, 1): the (1−level)/2 and
// (1+level)/2 sample quantiles of the run's [QuantileMethod]. JCGM 101
// takes the order statistics y₍ᵣ₎ and y₍ᵣ₊q₎ instead; the two differ by
// less than one gap between neighbouring draws. It returns NaN, NaN for a
// level outside (0, 1).
func (s Summary) Interval(level float64) (lo, hi float64) {
	if s.o == nil || math.IsNaN(level) || level <= 0 || level >= 1 {
		return math.NaN(), math.NaN()
	}
	q := s.o.quantiles(s.q, []float64{(1 - level) / 2, (1 + level) / 2})
	return q[0], q[1]
}

// ShortestInterval returns the shortest coverage interval of JCGM 101
// §7.7.2 for a level in (0, 1): the pair of order statistics
// (y₍ᵣ₎, y₍ᵣ₊q₎), q = level·M rounded, of least width. For an asymmetric
// output it is shorter than [Summary.Interval] and not centred on the
// median. It sorts a copy of the sample (8 bytes per draw while it runs);
// a streaming run has no sample, and gets NaN, NaN.
func (s Summary) ShortestInterval(level float64) (lo, hi float64) {
	if s.o == nil || s.o.samples == nil {
		return math.NaN(), math.NaN()
	}
	sorted := slices.Clone(s.o.samples)
	slices.Sort(sorted)
	return shortest(sorted, level)
}

// CDF returns the fraction of draws at or below x: the empirical
// distribution function, such as the probability that emigrants exceed a
// million (1 − CDF(1e6)).
func (s Summary) CDF(x float64) float64 {
	if s.o == nil || math.IsNaN(x) {
		return math.NaN()
	}
	if s.o.sk != nil {
		return s.o.sk.cdf(x)
	}
	n := 0
	for _, v := range s.o.samples {
		if v <= x {
			n++
		}
	}
	return float64(n) / float64(len(s.o.samples))
}

// Estimate returns the output as an [Estimate], to feed a derived figure
// into another model or a pool: the distribution whose quantile function
// interpolates the sorted draws linearly (Hyndman–Fan type 7, whatever the
// run's QuantileMethod), so that sampling from it is a smoothed bootstrap.
// It carries the sources of the model's inputs ([Result.Sources]) and
// holds a sorted copy of the draws (in a streaming run, 1001 quantiles of
// the sketch). An output with a single value gives a [Point]; the zero
// Summary gives the zero Estimate.
func (s Summary) Estimate() Estimate {
	if s.o == nil {
		return Estimate{}
	}
	var sorted []float64
	if s.o.sk != nil {
		ps := make([]float64, 1001)
		for k := range ps {
			ps[k] = float64(k) / 1000
		}
		sorted = s.o.quantiles(s.q, ps)
		// The sketch's quantiles are monotone up to rounding; make sure.
		for k := 1; k < len(sorted); k++ {
			sorted[k] = max(sorted[k], sorted[k-1])
		}
	} else {
		sorted = slices.Clone(s.o.samples)
		slices.Sort(sorted)
	}
	n := len(sorted)
	var e Estimate
	if sorted[0] == sorted[n-1] {
		e = newEstimate(&dist{kind: kindPoint, p: [6]float64{sorted[0]}})
	} else {
		cum := make([]float64, n)
		for k := range cum {
			cum[k] = float64(k) / float64(n-1)
		}
		cum[n-1] = 1
		e = newEstimate(&dist{kind: kindTable, xs: sorted, cum: cum})
	}
	e.sources = slices.Clone(s.r.sources)
	return e
}

// Samples returns a copy of the sample, in draw order, for audit; nil in a
// streaming run, which keeps no draws.
func (s Summary) Samples() []float64 {
	if s.o == nil {
		return nil
	}
	return slices.Clone(s.o.samples)
}

// String prints the median and the equal-tailed 90% interval like
// [Estimate.String]: "780k (90%: 610k–1.0M)".
func (s Summary) String() string {
	if s.o == nil {
		return "empty summary"
	}
	level := 0.9 // a variable, so that p is Interval(0.9)'s to the last bit
	q := s.Quantiles(0.5, (1-level)/2, (1+level)/2)
	return formatSummary(q[0], q[1], q[2])
}
