package estimate

import (
	"math"
	"math/big"
)

// StreamAccuracy is the relative accuracy α of the quantiles of a
// streaming run ([Options].Stream): each is within α·|x| of the draw x it
// estimates (see [Summary.Quantile]).
const StreamAccuracy = 0.001

// maxBins bounds the buckets of one sign of one sketch: 2¹⁵ buckets of
// 8 bytes, 256 KiB, cover values spanning a factor γ^32768 ≈ 3·10²⁸.
const maxBins = 1 << 15

// Streaming runs summarise each output without keeping its draws.
//
// Quantiles come from a logarithmic-bucket sketch, the DDSketch of
// C. Masson, J. E. Rim and H. K. Lee, "DDSketch: a fast and fully-mergeable
// quantile sketch with relative-error guarantees", PVLDB 12(12), 2019: a
// non-zero draw x goes to the bucket i = ⌈log_γ |x|⌉ of its sign, with
// γ = (1+α)/(1−α), and a bucket stands for the value 2γⁱ/(γ+1), which is
// within α·|x| of every x in it. A P² estimator or a t-digest would depend
// on the order in which draws arrive, and so on the number of workers;
// bucket counts are integers, and adding them does not, so a streaming run
// stays bit-identical for any number of workers. When the draws of one sign
// span more than maxBins buckets, those of least magnitude are merged into
// the lowest bucket kept (the final bucket of index i is
// max(i, top − maxBins + 1), whatever the order of the draws), so the
// bound holds for every draw within a factor 3·10²⁸ of the largest of its
// sign.
//
// Mean and SD are exact up to the rounding of the final division: each
// chunk contributes Σ(x−K) and Σ(x−K)², K being the output's first draw,
// and those per-chunk sums are added exactly (math/big, 2,200 bits), an
// addition whose result does not depend on order.

const (
	// lnGamma is ln γ = ln((1+α)/(1−α)) = 2 artanh α, by its series
	// 2(α + α³/3 + α⁵/5 + α⁷/7), exact to far below float64 precision for
	// α = 10⁻³ (the next term is 2α⁹/9 ≈ 2·10⁻²⁸).
	lnGamma = 2 * (StreamAccuracy + StreamAccuracy*StreamAccuracy*StreamAccuracy/3 +
		StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy/5 +
		StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy*StreamAccuracy/7)
	invLnGamma = 1 / lnGamma
	// binValue is 2/(γ+1) = 1 − α: bucket i stands for binValue·γⁱ.
	binValue = 1 - StreamAccuracy
)

// bins counts the draws of one sign by bucket index, densely from lo.
// Buckets below floor() count as floor(): they are folded lazily, when
// the storage would exceed 2·maxBins buckets.
type bins struct {
	counts []int
	lo     int
	top    int // the highest bucket counted
}

func (b *bins) floor() int { return b.top - maxBins + 1 }

// at returns the bucket that storage index k stands for.
func (b *bins) at(k int) int { return max(b.lo+k, b.floor()) }

// add counts c draws in bucket i.
func (b *bins) add(i, c int) {
	if b.counts == nil {
		b.counts, b.lo, b.top = make([]int, 64), i-32, i
	}
	b.top = max(b.top, i)
	floor := b.floor()
	i = max(i, floor)
	if n := len(b.counts); i < b.lo || i >= b.lo+n {
		lo, hi := b.lo, b.lo+n-1
		if i < lo {
			lo = i - n/2
		} else {
			hi = i + n/2
		}
		if hi-lo+1 > 2*maxBins {
			lo = max(lo, floor)
			hi = min(hi, lo+2*maxBins-1) // still ≥ top, as lo ≤ floor + maxBins
		}
		b.resize(lo, hi)
	}
	b.counts[i-b.lo] += c
}

// resize moves the counts to storage for buckets [lo, hi], folding those
// below lo into lo; no bucket above hi holds a count.
func (b *bins) resize(lo, hi int) {
	nc := make([]int, hi-lo+1)
	for k, v := range b.counts {
		if v != 0 {
			nc[max(b.lo+k, lo)-lo] += v
		}
	}
	b.counts, b.lo = nc, lo
}

// sketch summarises the draws of one output in a streaming run.
type sketch struct {
	pos, neg bins // by bucket of |x|
	zero     int  // draws equal to 0
	n        int
	min, max float64
}

func binIndex(a float64) int { return int(math.Ceil(math.Log(a) * invLnGamma)) }

func binAt(i int) float64 { return binValue * math.Exp(float64(i)*lnGamma) }

func (s *sketch) addAll(xs []float64) {
	if len(xs) == 0 {
		return
	}
	if s.n == 0 {
		s.min, s.max = xs[0], xs[0]
	}
	for _, x := range xs {
		switch {
		case x > 0:
			s.pos.add(binIndex(x), 1)
		case x < 0:
			s.neg.add(binIndex(-x), 1)
		default:
			s.zero++
		}
		s.min = min(s.min, x)
		s.max = max(s.max, x)
	}
	s.n += len(xs)
}

// merge adds the counts of t to s.
func (s *sketch) merge(t *sketch) {
	if t.n == 0 {
		return
	}
	if s.n == 0 {
		s.min, s.max = t.min, t.max
	}
	s.min, s.max = min(s.min, t.min), max(s.max, t.max)
	s.n += t.n
	s.zero += t.zero
	// Highest bucket first, so that the folding floor is set once.
	for i := len(t.pos.counts) - 1; i >= 0; i-- {
		if c := t.pos.counts[i]; c > 0 {
			s.pos.add(t.pos.at(i), c)
		}
	}
	for i := len(t.neg.counts) - 1; i >= 0; i-- {
		if c := t.neg.counts[i]; c > 0 {
			s.neg.add(t.neg.at(i), c)
		}
	}
}

// quantile returns the estimate of the order statistic of 0-based rank
// ⌊p(n−1)⌋, within StreamAccuracy of it in relative terms; the exact
// minimum and maximum for ranks 0 and n−1.
func (s *sketch) quantile(p float64) float64 {
	if s.n == 0 || math.IsNaN(p) || p < 0 || p > 1 {
		return math.NaN()
	}
	rank := int(p * float64(s.n-1))
	switch rank {
	case 0:
		return s.min
	case s.n - 1:
		return s.max
	}
	clamp := func(v float64) float64 { return min(max(v, s.min), s.max) }
	cum := 0
	for i := len(s.neg.counts) - 1; i >= 0; i-- {
		if cum += s.neg.counts[i]; cum > rank {
			return clamp(-binAt(s.neg.at(i)))
		}
	}
	if cum += s.zero; cum > rank {
		return 0
	}
	for i, c := range s.pos.counts {
		if cum += c; cum > rank {
			return clamp(binAt(s.pos.at(i)))
		}
	}
	return s.max
}

// cdf returns the fraction of draws whose bucket stands for a value ≤ x:
// off by at most the fraction of draws in the bucket of x.
func (s *sketch) cdf(x float64) float64 {
	switch {
	case s.n == 0 || math.IsNaN(x):
		return math.NaN()
	case x < s.min:
		return 0
	case x >= s.max:
		return 1
	}
	cum := 0
	for i := len(s.neg.counts) - 1; i >= 0; i-- {
		if -binAt(s.neg.at(i)) > x {
			return float64(cum) / float64(s.n)
		}
		cum += s.neg.counts[i]
	}
	if x < 0 {
		return float64(cum) / float64(s.n)
	}
	cum += s.zero
	for i, c := range s.pos.counts {
		if binAt(s.pos.at(i)) > x {
			break
		}
		cum += c
	}
	return float64(cum) / float64(s.n)
}

// exactSum adds float64 values without rounding, so that the sum does not
// depend on their order, and without allocating: a fixed-point
// accumulator of 32-bit limbs from 2⁻¹⁰⁷⁴ (the least subnormal) up,
// each held in an int64 so that 2³⁰ additions fit before carries must be
// propagated.
type exactSum struct {
	limbs [68]int64 // the sum is Σ limbs[i]·2^(32i−1074)
	adds  int       // since the last carry propagation
}

func (e *exactSum) add(x float64) {
	b := math.Float64bits(x)
	exp := int(b>>52) & 0x7ff
	m := b & (1<<52 - 1)
	if exp == 0 {
		exp = 1 // subnormal
	} else {
		m |= 1 << 52
	}
	if m == 0 {
		return
	}
	// |x| = m·2^(exp−1075): its lowest bit is bit exp−1 above 2⁻¹⁰⁷⁴.
	i, sh := (exp-1)/32, uint((exp-1)%32)
	lo, hi := m<<sh, m>>(64-sh) // hi is 0 for sh = 0 (shift ≥ 64)
	p0, p1, p2 := int64(lo&0xffffffff), int64(lo>>32), int64(hi)
	if b>>63 != 0 {
		p0, p1, p2 = -p0, -p1, -p2
	}
	e.limbs[i] += p0
	e.limbs[i+1] += p1
	e.limbs[i+2] += p2
	if e.adds++; e.adds == 1<<30 {
		e.carry()
	}
}

// carry brings every limb but the last into (−2³², 2³²).
func (e *exactSum) carry() {
	for i := range len(e.limbs) - 1 {
		c := e.limbs[i] >> 32
		e.limbs[i] -= c << 32
		e.limbs[i+1] += c
	}
	e.adds = 0
}

// float returns the exact sum.
func (e *exactSum) float() *big.Float {
	var sum, limb big.Int
	for i := len(e.limbs) - 1; i >= 0; i-- {
		sum.Lsh(&sum, 32)
		sum.Add(&sum, limb.SetInt64(e.limbs[i]))
	}
	f := new(big.Float).SetInt(&sum) // exact: its precision is the integer's
	return f.SetMantExp(f, -1074)
}

// moments accumulates the exact mean and SD of one output of a streaming
// run from per-chunk shifted sums.
type moments struct {
	shift  float64 // K: the output's first draw
	s1, s2 exactSum
	n      int
}

// addChunk adds the chunk's sums of x − K and (x − K)².
func (m *moments) addChunk(xs []float64) {
	var a, b [4]float64
	k := m.shift
	i := 0
	for ; i+4 <= len(xs); i += 4 {
		d0, d1, d2, d3 := xs[i]-k, xs[i+1]-k, xs[i+2]-k, xs[i+3]-k
		a[0] += d0
		a[1] += d1
		a[2] += d2
		a[3] += d3
		b[0] += d0 * d0
		b[1] += d1 * d1
		b[2] += d2 * d2
		b[3] += d3 * d3
	}
	for ; i < len(xs); i++ {
		d := xs[i] - k
		a[0] += d
		b[0] += d * d
	}
	m.s1.add((a[0] + a[1]) + (a[2] + a[3]))
	m.s2.add((b[0] + b[1]) + (b[2] + b[3]))
	m.n += len(xs)
}

// result returns the mean and the sample SD (n−1; NaN for one draw).
func (m *moments) result() (mean, sd float64) {
	if m.n == 0 {
		return math.NaN(), math.NaN()
	}
	s1, s2 := m.s1.float(), m.s2.float()
	prec := 2*max(s1.MinPrec(), s2.MinPrec()) + 64 // S1² exactly, then some
	n := new(big.Float).SetInt64(int64(m.n))
	d, _ := new(big.Float).SetPrec(prec).Quo(s1, n).Float64() // mean − K
	mean = m.shift + d
	if m.n < 2 {
		return mean, math.NaN()
	}
	// M2 = S2 − S1²/n.
	sq := new(big.Float).SetPrec(prec).Mul(s1, s1)
	sq.Quo(sq, n)
	v, _ := sq.Sub(s2, sq).Float64()
	return mean, math.Sqrt(max(v, 0) / float64(m.n-1))
}
