package estimate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/exodus-lab/exodus"
)

// A PoolMethod names a way to combine estimates of the same quantity from
// different sources. The zero value is invalid.
type PoolMethod int

// The pooling methods. See [Pool] for when to use each.
const (
	// LinearPool is the linear opinion pool: the weighted mixture
	// Σ wᵢ pᵢ(x). Each source's draw keeps its own shape; the pool is at
	// least as wide as the sources' spread between them.
	LinearPool PoolMethod = iota + 1
	// LogPool is the logarithmic opinion pool: the normalised weighted
	// geometric mean Π pᵢ(x)^wᵢ. It is as confident as the sources on
	// average and centred where they agree.
	LogPool
	// InverseVariance is the fixed-effect meta-analytic pool in log space:
	// the lognormal whose log-median is the precision-weighted mean of the
	// sources' log-medians and whose log-precision is their sum.
	InverseVariance
)

// String returns "linear pool", "logarithmic pool" or "inverse-variance
// pool (log space)".
func (m PoolMethod) String() string {
	switch m {
	case LinearPool:
		return "linear pool"
	case LogPool:
		return "logarithmic pool"
	case InverseVariance:
		return "inverse-variance pool (log space)"
	}
	return "PoolMethod(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText returns the method's name in [Estimate]'s JSON: "linear",
// "logarithmic" or "inverse-variance", so that a [Pooling] marshals
// readably. An invalid method is an error wrapping [ErrInvalid].
func (m PoolMethod) MarshalText() ([]byte, error) {
	if m < LinearPool || m > InverseVariance {
		return nil, fmt.Errorf("estimate: marshal %v: %w", m, ErrInvalid)
	}
	return []byte(methodToken(m)), nil
}

// UnmarshalText reads a name written by [PoolMethod.MarshalText]. Any other
// text is an error wrapping [ErrInvalid] and leaves m unchanged.
func (m *PoolMethod) UnmarshalText(text []byte) error {
	pm, ok := parseMethod(string(text))
	if !ok {
		return fmt.Errorf(`estimate: unmarshal pool method %q: want "linear", "logarithmic" or "inverse-variance": %w`, text, ErrInvalid)
	}
	*m = pm
	return nil
}

// Pooling records how a pooled estimate was made: returned by
// [Estimate.Pooling].
type Pooling struct {
	// Method is the pooling method.
	Method PoolMethod
	// Inputs are the pooled estimates, with their names and sources.
	Inputs []Estimate
	// Weights are the normalised weights, one per input, summing to 1.
	// For InverseVariance they are the normalised precisions 1/σᵢ².
	Weights []float64
	// Diagnostics says how much the inputs disagree.
	Diagnostics Diagnostics
}

// Diagnostics says how much estimates of one quantity disagree. Q, P and I2
// are computed in log space, reading each estimate as a lognormal with
// log-median ln(median) and log-SD (ln q95 − ln q05)/(2·1.6449); they are
// NaN when an estimate can be ≤ 0 at its 5% quantile.
type Diagnostics struct {
	// Q is Cochran's Q: Σ wᵢ(μᵢ − μ̂)² with wᵢ = 1/σᵢ² and μ̂ the
	// inverse-variance mean, in log space.
	Q float64
	// DF is the degrees of freedom of Q, the number of estimates minus 1.
	DF int
	// P is the probability of a Q this large if the estimates measured the
	// same value with the stated spreads (χ² with DF degrees of freedom).
	P float64
	// I2 is Higgins and Thompson's I² = max(0, (Q − DF)/Q), the share of
	// the variation between estimates beyond what their spreads explain:
	// 0.25 is low, 0.5 moderate and 0.75 high disagreement (see
	// [Diagnostics.String]).
	I2 float64
	// Disjoint lists the pairs (i, j), i < j, of estimates whose central
	// 90% intervals do not overlap, in order of i then j: all of them, or
	// the first 100 when there are more (there can be n(n−1)/2 of them).
	Disjoint [][2]int
	// DisjointPairs counts all the pairs of estimates whose central 90%
	// intervals do not overlap, listed or not.
	DisjointPairs int
}

// maxDisjointListed bounds [Diagnostics].Disjoint, so that diagnosing n
// estimates takes O(n log n) time and O(n) memory however many of their
// n(n−1)/2 pairs are disjoint.
const maxDisjointListed = 100

// disjointPairs returns how many pairs of the intervals [lo[i], hi[i]]
// do not overlap, and the first maxDisjointListed of them in order of
// (i, j), in O(n log n): a pair is disjoint when one's hi is below the
// other's lo, so the count is Σⱼ #{i : hi[i] < lo[j]}, by binary search in
// the sorted his; the list is found with a segment tree that yields, for
// each i, the next j > i with lo[j] > hi[i] or hi[j] < lo[i].
func disjointPairs(lo, hi []float64) (count int, list [][2]int) {
	n := len(lo)
	sorted := slices.Clone(hi)
	slices.Sort(sorted)
	for _, l := range lo {
		i, _ := slices.BinarySearch(sorted, l) // sorted[:i] < l
		count += i
	}
	if count == 0 {
		return 0, nil
	}
	size := 1
	for size < n {
		size *= 2
	}
	maxLo := make([]float64, 2*size)
	minHi := make([]float64, 2*size)
	for i := range size {
		maxLo[size+i], minHi[size+i] = math.Inf(-1), math.Inf(1)
		if i < n {
			maxLo[size+i], minHi[size+i] = lo[i], hi[i]
		}
	}
	for v := size - 1; v >= 1; v-- {
		maxLo[v] = math.Max(maxLo[2*v], maxLo[2*v+1])
		minHi[v] = math.Min(minHi[2*v], minHi[2*v+1])
	}
	// next returns the first index ≥ from in node v's range [vl, vr) whose
	// interval lies wholly above a or wholly below b, or -1.
	var next func(v, vl, vr, from int, a, b float64) int
	next = func(v, vl, vr, from int, a, b float64) int {
		if vr <= from || !(maxLo[v] > a || minHi[v] < b) {
			return -1
		}
		if vr-vl == 1 {
			return vl
		}
		mid := (vl + vr) / 2
		if j := next(2*v, vl, mid, from, a, b); j >= 0 {
			return j
		}
		return next(2*v+1, mid, vr, from, a, b)
	}
	want := min(count, maxDisjointListed)
	list = make([][2]int, 0, want)
	for i := 0; i < n && len(list) < want; i++ {
		for j := next(1, 0, size, i+1, hi[i], lo[i]); j >= 0 && len(list) < want; j = next(1, 0, size, j+1, hi[i], lo[i]) {
			list = append(list, [2]int{i, j})
		}
	}
	return count, list
}

// String returns a one-line reading of d, such as
//
//	low disagreement (Q = 4.7 on 3 df, p = 0.19, I² = 36%); 1 pair of 90% intervals does not overlap
//
// The words follow Higgins, Thompson, Deeks and Altman ("Measuring
// inconsistency in meta-analyses", BMJ 327:557–560, 2003), who call an I²
// of 25%, 50% and 75% low, moderate and high: with I² rounded to a whole
// percent, below 25% reads "little disagreement", from 25% "low", from 50%
// "moderate" and from 75% "high disagreement". I² is the share of the
// spread between the estimates that their own spreads do not explain; p
// is the chance of a Q at least this large if they all measured one value.
// A small p with a low I² means many precise estimates that differ a
// little; a large p with few wide ones means the test has little power,
// not that they agree. The second part counts the pairs of estimates
// whose 90% intervals do not overlap ([Diagnostics].DisjointPairs, or
// the length of Disjoint if that is larger), or says that all overlap.
//
// When Q cannot be computed (an estimate can be ≤ 0, so it has no log
// scale) the first part reads "disagreement not measured in log space";
// the zero Diagnostics, or those of fewer than two estimates, read
// "nothing to compare".
func (d Diagnostics) String() string {
	if d.DF < 1 {
		return "nothing to compare (fewer than two estimates)"
	}
	var b strings.Builder
	if math.IsNaN(d.Q) || math.IsNaN(d.I2) {
		b.WriteString("disagreement not measured in log space (an estimate can be ≤ 0)")
	} else {
		pct := math.Round(100 * d.I2)
		switch {
		case pct >= 75:
			b.WriteString("high")
		case pct >= 50:
			b.WriteString("moderate")
		case pct >= 25:
			b.WriteString("low")
		default:
			b.WriteString("little")
		}
		fmt.Fprintf(&b, " disagreement (Q = %.1f on %d df, p %s, I² = %.0f%%)", d.Q, d.DF, pValue(d.P), pct)
	}
	switch n := max(d.DisjointPairs, len(d.Disjoint)); n {
	case 0:
		b.WriteString("; all 90% intervals overlap")
	case 1:
		b.WriteString("; 1 pair of 90% intervals does not overlap")
	default:
		fmt.Fprintf(&b, "; %d pairs of 90%% intervals do not overlap", n)
	}
	return b.String()
}

// pValue formats "= 0.19", "= 0.004" or "< 0.001".
func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "= NaN"
	case p >= 0.01:
		return fmt.Sprintf("= %.2f", p)
	case p >= 0.001:
		return fmt.Sprintf("= %.3f", p)
	}
	return "< 0.001"
}

// Pool combines estimates of the same quantity from different sources with
// equal weights. See [PoolWeighted] for the methods, the errors and when
// to use each.
func Pool(method PoolMethod, es ...Estimate) (Estimate, error) {
	return pool("Pool", method, nil, es)
}

// PoolWeighted combines estimates of the same quantity with the given
// weights (non-negative, not all zero, normalised to sum to 1; nil means
// equal). The result remembers the method, the inputs, the weights and
// the [Diagnostics] ([Estimate.Pooling]), and lists every input's sources.
//
// Which method:
//
//   - [LinearPool] when the sources are rival accounts and one of them is
//     right, but you do not know which: the mixture keeps every account's
//     possibilities, so the pool is wide where they disagree. It is the
//     safe default for headline ranges from different publishers.
//   - [LogPool] when each source is a partly informed judgement of the
//     same thing and the truth is where they overlap: the pool is about as
//     wide as the typical source, centred on their common ground. Of
//     normal, lognormal or logit-normal inputs of one family (as made by
//     [NormalBetween], [Between], [ShareBetween]) it is the same family;
//     of betas and of PERTs on one range it is again a beta or PERT (a
//     pool of betas has the weighted means of their shapes, Σ wᵢaᵢ and
//     Σ wᵢbᵢ, positive however close to 0 they are). Other
//     combinations are tabulated on 8192 cells (logarithmic when all are
//     positive) over the range where the pooled density is within e⁻⁴⁰ of
//     its peak; [Estimate.Family] then reports "tabulated".
//   - [InverseVariance] only when the sources are independent measurements
//     of the same quantity with honest spreads (different surveys, not
//     reporters quoting one another): the pool is narrower than every
//     input. Check [Diagnostics.I2] first; a high value means the
//     spreads are too small for the disagreement and the pool overstates
//     precision. It takes no weights: the precisions are the weights.
//
// Errors: [ErrNoSpread] when an input is a point (give it a range first,
// for example Between(1.0e6, 1.3e6)); [ErrInvalid] for no inputs, a zero
// input, bad weights, (InverseVariance) an input that can be ≤ 0, more than
// 1,000,000 estimates below the pool (counting the inputs of pooled
// inputs) or more than 16 nested pools (the bounds of its JSON decoder),
// or a pooled distribution that is not usable, such as an inverse-variance
// lognormal whose mean overflows (the error names the pooled parameter);
// [ErrNoOverlap] for a logarithmic pool of estimates with no value in
// common. Pooling n estimates takes O(n log n) time.
func PoolWeighted(method PoolMethod, weights []float64, es ...Estimate) (Estimate, error) {
	return pool("PoolWeighted", method, weights, es)
}

func pool(fn string, method PoolMethod, weights []float64, es []Estimate) (Estimate, error) {
	if method < LinearPool || method > InverseVariance {
		return Estimate{}, paramErr(fn, "method", float64(method), "must be LinearPool, LogPool or InverseVariance")
	}
	if err := checkInputs(fn, "estimates", es); err != nil {
		return Estimate{}, err
	}
	w, err := poolWeights(fn, method, weights, len(es))
	if err != nil {
		return Estimate{}, err
	}
	nodes, depth, err := poolSize(fn, "estimates", es)
	if err != nil {
		return Estimate{}, err
	}
	diag := diagnose(es)
	var d *dist
	switch method {
	case LinearPool:
		d = linearPool(es, w)
	case LogPool:
		d, err = logPool(fn, es, w)
	case InverseVariance:
		d, w, err = inverseVariance(fn, es)
	}
	if err != nil {
		return Estimate{}, err
	}
	out := newEstimate(d)
	if f := d.flaw(); f != nil {
		return Estimate{}, paramErr(fn, "pooled "+f.name, f.v, f.why+" (the "+method.String()+" of "+strconv.Itoa(len(es))+" estimates)")
	}
	seen := make(map[exodus.Source]bool)
	for _, e := range es {
		for _, s := range e.sources {
			if !seen[s] {
				seen[s] = true
				out.sources = append(out.sources, s)
			}
		}
	}
	out.pool = &Pooling{Method: method, Inputs: slices.Clone(es), Weights: w, Diagnostics: diag}
	out.nodes, out.depth = int32(nodes), int32(depth)
	return out, nil
}

// Bounds on a pool, so that whatever [Pool] builds its JSON can carry and
// [Estimate.UnmarshalJSON] rebuilds, in time and memory linear in its size:
// at most maxPoolNodes estimates in all below a pool (its inputs, their
// inputs and so on, an estimate counted as often as it appears), and at
// most maxPoolDepth pools nested.
const (
	maxPoolNodes = 1_000_000
	maxPoolDepth = 16
)

// poolSize returns the number of estimates below a pool of es and its
// depth, and an error naming the bound when one is exceeded.
func poolSize(fn, name string, es []Estimate) (nodes, depth int, err error) {
	for _, e := range es {
		nodes += 1 + int(e.nodes)
		depth = max(depth, int(e.depth))
	}
	depth++
	if nodes > maxPoolNodes {
		return 0, 0, paramErr(fn, "estimates in "+name, float64(nodes),
			"must be ≤ 1000000 (1e6), counting the inputs of pooled inputs, so that the pool's JSON can be decoded")
	}
	if depth > maxPoolDepth {
		return 0, 0, paramErr(fn, "depth of "+name, float64(depth), "must be ≤ 16 nested pools, so that the pool's JSON can be decoded")
	}
	return nodes, depth, nil
}

func quoteName(name string) string {
	if name == "" {
		return ""
	}
	return strconv.Quote(name) + " "
}

func poolWeights(fn string, method PoolMethod, weights []float64, n int) ([]float64, error) {
	w := make([]float64, n)
	if weights == nil {
		for i := range w {
			w[i] = 1 / float64(n)
		}
		return w, nil
	}
	if method == InverseVariance {
		return nil, paramProblem(fn, "weights", "must be nil with InverseVariance: the precisions are the weights")
	}
	if len(weights) != n {
		return nil, paramErr(fn, "len(weights)", float64(len(weights)), "must equal the number of estimates, "+strconv.Itoa(n))
	}
	top := 0.0
	for i, x := range weights {
		name := "weights[" + strconv.Itoa(i) + "]"
		if isBad(x) || x < 0 {
			return nil, paramErr(fn, name, x, "must be finite and ≥ 0")
		}
		top = math.Max(top, x)
	}
	if top == 0 {
		return nil, paramErr(fn, "sum(weights)", 0, "must be > 0")
	}
	// Weights near math.MaxFloat64 are scaled by the largest first, so
	// that their sum does not overflow.
	scale := 1.0
	if top > 1e300 {
		scale = top
	}
	sum := 0.0
	for i, x := range weights {
		w[i] = x / scale
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w, nil
}

func linearPool(es []Estimate, w []float64) *dist {
	d := &dist{kind: kindMixture}
	cum := 0.0
	for i, e := range es {
		if w[i] == 0 {
			continue
		}
		d.comps = append(d.comps, e.d)
		d.weights = append(d.weights, w[i])
		cum += w[i]
		d.cum = append(d.cum, cum)
	}
	if len(d.comps) == 1 {
		c := *d.comps[0] // a copy: newEstimate writes the moments
		return &c
	}
	return d
}

// logPool computes Π pᵢ^wᵢ (normalised): in closed form for inputs of one
// family closed under it, and numerically otherwise.
func logPool(fn string, es []Estimate, w []float64) (*dist, error) {
	k := es[0].d.kind
	same := true
	for _, e := range es {
		same = same && e.d.kind == k
	}
	if same {
		if d := logPoolClosed(k, es, w); d != nil {
			return d, nil
		}
	}
	d := logPoolTable(es, w)
	if d == nil {
		return nil, fmt.Errorf("estimate: %s: logarithmic pool: %w", fn, ErrNoOverlap)
	}
	return d, nil
}

// logPoolClosed returns the closed form of the logarithmic pool of
// estimates of family k, or nil if there is none.
func logPoolClosed(k kind, es []Estimate, w []float64) *dist {
	switch k {
	case kindNormal, kindLogNormal, kindLogitNormal:
		// Each density is φ((g(x) − μᵢ)/σᵢ)/σᵢ · |g'(x)| with the same g;
		// the weighted geometric mean is again of that form with precision
		// Σ wᵢ/σᵢ² and mean Σ (wᵢ/σᵢ²) μᵢ / Σ wᵢ/σᵢ², because Σ wᵢ = 1.
		mus, sigmas := make([]float64, len(es)), make([]float64, len(es))
		for i, e := range es {
			mus[i], sigmas[i] = e.d.p[0], e.d.p[1]
		}
		mu, sigma := precisionPool(mus, sigmas, w)
		return &dist{kind: k, p: [6]float64{mu, sigma}}
	case kindBeta:
		// The pooled shapes are 1 + Σ wᵢ(aᵢ − 1) = Σ wᵢaᵢ, since Σ wᵢ = 1.
		// The weighted mean is computed directly: 1 + Σ wᵢ(aᵢ − 1) rounds
		// shapes near 0 away (1e-20 − 1 is −1) and gives 0. Rounding can
		// still take a subnormal product to 0, so the mean is clamped to
		// the inputs' range, where it lies exactly: it stays positive.
		return &dist{kind: kindBeta, p: [6]float64{weightedShape(es, w, 0), weightedShape(es, w, 1)}}
	case kindPERT, kindUniform:
		lo, hi := es[0].d.support()
		for _, e := range es {
			if l, h := e.d.support(); l != lo || h != hi {
				return nil
			}
		}
		if k == kindUniform {
			c := *es[0].d // a copy: newEstimate writes the moments
			return &c
		}
		var a, b float64
		for i, e := range es {
			a += w[i] * (e.d.p[3] - 1)
			b += w[i] * (e.d.p[4] - 1)
		}
		// Keep λ and mode consistent with the pooled shapes:
		// α = 1 + λ(m−lo)/(hi−lo), β = 1 + λ(hi−m)/(hi−lo).
		// The shapes are recomputed from λ and the mode, so that the four
		// parameters a PERT reports ([Estimate.MarshalJSON]) rebuild it
		// exactly; they differ from 1 + a and 1 + b by rounding only.
		lambda := a + b
		mode := lo
		if lambda > 0 {
			mode = min(max(lo+(hi-lo)*a/lambda, lo), hi)
		}
		return pertDist(lo, mode, hi, lambda)
	}
	return nil
}

// weightedShape returns Σ wᵢ·pᵢ, p being parameter j of each estimate,
// clamped to [min pᵢ, max pᵢ]: the weighted mean, positive when the
// parameters are.
func weightedShape(es []Estimate, w []float64, j int) float64 {
	s, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for i, e := range es {
		p := e.d.p[j]
		s += w[i] * p
		lo, hi = math.Min(lo, p), math.Max(hi, p)
	}
	return min(max(s, lo), hi)
}

// tableCells is the number of cells of a numerical logarithmic pool.
const tableCells = 8192

// logPoolTable tabulates Π pᵢ^wᵢ on a grid (logarithmic when every input
// is positive), first over the union of the inputs' 10⁻⁹ to 1 − 10⁻⁹
// quantile ranges clipped to the intersection of their supports, then again over the part where the pooled density is
// above e⁻⁴⁰ of its peak. It returns nil when the product is 0 everywhere.
func logPoolTable(es []Estimate, w []float64) *dist {
	lo, hi := math.Inf(1), math.Inf(-1)
	slo, shi := math.Inf(-1), math.Inf(1) // the intersection of the supports
	for _, e := range es {
		lo = math.Min(lo, e.d.quantile(1e-9))
		hi = math.Max(hi, e.d.quantile(1-1e-9))
		l, h := e.d.support()
		slo, shi = math.Max(slo, l), math.Min(shi, h)
	}
	lo, hi = math.Max(lo, slo), math.Min(hi, shi)
	if !(lo < hi) {
		return nil
	}
	positive := slo >= 0 && lo > 0
	logDens := func(x float64) float64 {
		s := 0.0
		for i, e := range es {
			s += w[i] * math.Log(e.d.pdf(x))
		}
		return s
	}
	grid := func(lo, hi float64) (xs, ld []float64) {
		xs = make([]float64, tableCells+1)
		ld = make([]float64, tableCells) // at cell midpoints
		for i := range xs {
			t := float64(i) / tableCells
			if positive {
				xs[i] = math.Exp(math.Log(lo) + t*(math.Log(hi)-math.Log(lo)))
			} else {
				xs[i] = lo + t*(hi-lo)
			}
		}
		xs[0], xs[tableCells] = lo, hi
		for i := range ld {
			mid := xs[i] + (xs[i+1]-xs[i])/2
			if positive {
				mid = math.Sqrt(xs[i] * xs[i+1])
			}
			ld[i] = logDens(mid)
			if math.IsNaN(ld[i]) {
				ld[i] = math.Inf(-1)
			}
		}
		return xs, ld
	}
	xs, ld := grid(lo, hi)
	peak := slices.Max(ld)
	if math.IsInf(peak, -1) || math.IsNaN(peak) {
		return nil
	}
	first, last := -1, -1
	for i, v := range ld {
		if v > peak-40 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 && (first > 0 || last < tableCells-1) {
		// One more cell each side: the density may rise within it.
		first, last = max(first-1, 0), min(last+1, tableCells-1)
		xs, ld = grid(xs[first], xs[last+1])
		peak = slices.Max(ld)
	}
	cum := make([]float64, tableCells+1)
	for i, v := range ld {
		m := 0.0
		if v > peak-745 { // exp underflows below
			m = math.Exp(v-peak) * (xs[i+1] - xs[i])
		}
		cum[i+1] = cum[i] + m
	}
	total := cum[tableCells]
	if !(total > 0) || math.IsInf(total, 0) {
		return nil
	}
	for i := range cum {
		cum[i] /= total
	}
	cum[tableCells] = 1
	return &dist{kind: kindTable, xs: xs, cum: cum}
}

// logSpace reads e as a lognormal: the log of its median and the log-SD
// implied by its central 90% interval. ok is false when e can be ≤ 0 at
// its 5% quantile.
func logSpace(e Estimate) (mu, sigma float64, ok bool) {
	lo, hi := e.Interval(0.9)
	return logSpaceOf(e, lo, hi)
}

// logSpaceOf is logSpace given e's 90% interval.
func logSpaceOf(e Estimate, lo, hi float64) (mu, sigma float64, ok bool) {
	if e.d.kind == kindLogNormal {
		return e.d.p[0], e.d.p[1], true
	}
	if !(lo > 0) || !(hi > lo) {
		return math.NaN(), math.NaN(), false
	}
	return math.Log(e.Median()), log1pRatio(hi-lo, lo) / (2 * z90), true
}

func inverseVariance(fn string, es []Estimate) (*dist, []float64, error) {
	mus, sigmas := make([]float64, len(es)), make([]float64, len(es))
	for i, e := range es {
		mu, s, ok := logSpace(e)
		if !ok {
			return nil, nil, paramErr(fn, fmt.Sprintf("estimates[%d] %s5%% quantile", i, quoteName(e.name)), e.Quantile(0.05),
				"must be > 0 for an inverse-variance pool in log space")
		}
		mus[i], sigmas[i] = mu, s
	}
	w := make([]float64, len(es))
	for i := range w {
		w[i] = 1
	}
	mu, sigma := precisionPool(mus, sigmas, w)
	// The normalised precisions (1/σᵢ²)/Σ 1/σⱼ², each relative to the
	// smallest σ so that they neither overflow nor underflow.
	s0 := slices.Min(sigmas)
	sum := 0.0
	for i, s := range sigmas {
		r := s0 / s
		w[i] = r * r
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return &dist{kind: kindLogNormal, p: [6]float64{mu, sigma}}, w, nil
}

// precisionPool returns the precision-weighted mean of mus and the SD
// 1/√(Σ wᵢ/σᵢ²), computed relative to the smallest σ so that 1/σ² cannot
// overflow (σ = 1e-300) or underflow. The mean is clamped to the range of
// mus, where it lies exactly, so that rounding cannot take it past an
// input's magnitude. The weights w are ≥ 0, not all 0.
func precisionPool(mus, sigmas, w []float64) (mu, sigma float64) {
	s0 := math.Inf(1)
	for i, s := range sigmas {
		if w[i] > 0 {
			s0 = math.Min(s0, s)
		}
	}
	var prec, pm float64
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, s := range sigmas {
		if w[i] == 0 {
			continue
		}
		r := s0 / s
		t := w[i] * r * r
		prec += t
		pm += t * mus[i]
		lo, hi = math.Min(lo, mus[i]), math.Max(hi, mus[i])
	}
	return min(max(pm/prec, lo), hi), s0 / math.Sqrt(prec)
}

// Diagnose reports how much estimates of the same quantity disagree,
// without pooling them. The error wraps [ErrInvalid] for fewer than two
// estimates or a zero one, and [ErrNoSpread] for a point.
func Diagnose(es ...Estimate) (Diagnostics, error) {
	if len(es) < 2 {
		return Diagnostics{}, paramErr("Diagnose", "len(estimates)", float64(len(es)), "must be ≥ 2")
	}
	for i, e := range es {
		if e.IsZero() {
			return Diagnostics{}, paramProblem("Diagnose", "estimates["+strconv.Itoa(i)+"]", notZeroEstimate)
		}
		if e.IsPoint() {
			return Diagnostics{}, fmt.Errorf("estimate: Diagnose: estimates[%d] %s= %v is a point: %w", i, quoteName(e.name), e.d.p[0], ErrNoSpread)
		}
	}
	return diagnose(es), nil
}

// diagnose computes the diagnostics of es in O(n log n) time: each
// estimate's quantiles once, the disjoint pairs by [disjointPairs].
func diagnose(es []Estimate) Diagnostics {
	d := Diagnostics{DF: len(es) - 1, Q: math.NaN(), P: math.NaN(), I2: math.NaN()}
	los, his := make([]float64, len(es)), make([]float64, len(es))
	for i, e := range es {
		los[i], his[i] = e.Interval(0.9)
	}
	d.DisjointPairs, d.Disjoint = disjointPairs(los, his)
	if len(es) < 2 {
		return d
	}
	mus := make([]float64, len(es))
	sigmas := make([]float64, len(es))
	for i, e := range es {
		mu, s, ok := logSpaceOf(e, los[i], his[i])
		if !ok {
			return d
		}
		mus[i], sigmas[i] = mu, s
	}
	// The weights 1/σᵢ² relative to the smallest σ, so that they neither
	// overflow nor underflow; Q is invariant to scaling them back.
	s0 := slices.Min(sigmas)
	ws := make([]float64, len(es))
	var prec, pm float64
	for i, s := range sigmas {
		r := s0 / s
		ws[i] = r * r
		prec += ws[i]
		pm += ws[i] * mus[i]
	}
	mean := pm / prec
	q := 0.0
	for i := range mus {
		q += ws[i] * (mus[i] - mean) * (mus[i] - mean)
	}
	q /= s0 * s0 // +Inf when the σs are tiny and the medians differ
	if math.IsNaN(q) {
		return d
	}
	d.Q = q
	d.P = distuv.ChiSquared{K: float64(d.DF)}.Survival(q)
	d.I2 = 0
	if math.IsInf(q, 1) {
		d.I2 = 1
	} else if q > float64(d.DF) {
		d.I2 = (q - float64(d.DF)) / q
	}
	return d
}

// Pooling returns how e was pooled, and false if e was not made by [Pool]
// or [PoolWeighted]. The slices are copies.
func (e Estimate) Pooling() (Pooling, bool) {
	if e.pool == nil {
		return Pooling{}, false
	}
	p := *e.pool
	p.Inputs = slices.Clone(p.Inputs)
	p.Weights = slices.Clone(p.Weights)
	p.Diagnostics.Disjoint = slices.Clone(p.Diagnostics.Disjoint)
	return p, true
}
