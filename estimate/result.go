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
	n := len(x)
	if n == 0 || math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	nf := float64(n)
	// at returns the k-th order statistic, 1-based, clamped to [1, n].
	at := func(k int) float64 { return x[min(max(k, 1), n)-1] }
	var h float64
	switch q {
	case HyndmanFan1:
		if p == 0 {
			return x[0]
		}
		return at(int(math.Ceil(nf * p)))
	case HyndmanFan2:
		if p == 0 {
			return x[0]
		}
		if p == 1 {
			return x[n-1]
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
	fl := math.Floor(h)
	k := int(fl)
	lo, hi := at(k), at(k+1)
	if h <= 1 {
		return x[0]
	}
	if h >= nf {
		return x[n-1]
	}
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

// output is the stored sample of one output and its lazily sorted copy.
type output struct {
	samples  []float64
	mean, sd float64
	once     sync.Once
	sorted   []float64
}

func (o *output) sortedSamples() []float64 {
	o.once.Do(func() {
		o.sorted = slices.Clone(o.samples)
		slices.Sort(o.sorted)
	})
	return o.sorted
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
	r := &Result{outs: make([]*output, len(cols)), method: opt.Quantile, converged: converged, seed: opt.Seed}
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
	for i, c := range cols {
		o := &output{samples: c}
		o.mean, o.sd = meanSD(c)
		r.outs[i] = o
		r.draws = len(c)
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
// concurrent use; the first quantile sorts a copy of the sample.
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
	return len(s.o.samples)
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
	return s.o.sd / math.Sqrt(float64(len(s.o.samples)))
}

// Quantile returns the sample p-quantile for p in [0, 1] (NaN outside).
func (s Summary) Quantile(p float64) float64 {
	if s.o == nil {
		return math.NaN()
	}
	return sampleQuantile(s.o.sortedSamples(), p, s.q)
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
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return math.NaN(), math.NaN()
	}
	return s.Quantile((1 - level) / 2), s.Quantile((1 + level) / 2)
}

// ShortestInterval returns the shortest coverage interval of JCGM 101
// §7.7.2 for a level in (0, 1): the pair of order statistics
// (y₍ᵣ₎, y₍ᵣ₊q₎), q = level·M rounded, of least width. For an asymmetric
// output it is shorter than [Summary.Interval] and not centred on the
// median.
func (s Summary) ShortestInterval(level float64) (lo, hi float64) {
	if s.o == nil {
		return math.NaN(), math.NaN()
	}
	return shortest(s.o.sortedSamples(), level)
}

// CDF returns the fraction of draws at or below x: the empirical
// distribution function, such as the probability that emigrants exceed a
// million (1 − CDF(1e6)).
func (s Summary) CDF(x float64) float64 {
	if s.o == nil || math.IsNaN(x) {
		return math.NaN()
	}
	sorted := s.o.sortedSamples()
	n, _ := slices.BinarySearch(sorted, math.Nextafter(x, math.Inf(1)))
	return float64(n) / float64(len(sorted))
}

// Estimate returns the output as an [Estimate], to feed a derived figure
// into another model or a pool: the distribution whose quantile function
// interpolates the sorted draws linearly (Hyndman–Fan type 7, whatever the
// run's QuantileMethod), so that sampling from it is a smoothed bootstrap.
// It carries the sources of the model's inputs ([Result.Sources]) and
// holds the sorted draws. An output with a single value gives a [Point];
// the zero Summary gives the zero Estimate.
func (s Summary) Estimate() Estimate {
	if s.o == nil {
		return Estimate{}
	}
	sorted := s.o.sortedSamples()
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

// Samples returns a copy of the sample, in draw order, for audit.
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
	lo, hi := s.Interval(0.9)
	return formatSummary(s.Median(), lo, hi)
}
