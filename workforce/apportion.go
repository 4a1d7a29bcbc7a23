package workforce

import (
	"container/heap"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// An ApportionMethod is a rule for dividing a whole number among
// categories in proportion to weights, for [Apportion] and [ApportionMin].
// As every enum of exodus, its named values start at 1: the zero
// ApportionMethod names no method and [Apportion] refuses it with an error
// wrapping [ErrShape]. [Hamilton] is the usual choice.
type ApportionMethod uint8

const (
	// Hamilton is the largest remainder method (Hare quota): each
	// category gets the whole part of its quota total×w/W, and the seats
	// left go to the largest fractional parts. exodus uses it throughout.
	Hamilton ApportionMethod = iota + 1
	// DHondt is the D'Hondt (Jefferson) divisor method: divisors 1, 2, 3,
	// …; it favours large categories.
	DHondt
	// SainteLague is the Sainte-Laguë (Webster) divisor method: divisors
	// 1, 3, 5, … (rounding quotients half up).
	SainteLague
	// HuntingtonHill is the Huntington–Hill divisor method (used for the US
	// House of Representatives): divisors √(n(n+1)), so every category with
	// a positive weight gets a seat before any gets a second.
	HuntingtonHill
)

// String returns the method's name: "Hamilton", "D'Hondt", "Sainte-Laguë"
// or "Huntington–Hill"; "ApportionMethod(n)" for an unknown value.
func (m ApportionMethod) String() string {
	switch m {
	case Hamilton:
		return "Hamilton"
	case DHondt:
		return "D'Hondt"
	case SainteLague:
		return "Sainte-Laguë"
	case HuntingtonHill:
		return "Huntington–Hill"
	}
	return fmt.Sprintf("ApportionMethod(%d)", uint8(m))
}

// maxExact is the largest total that float64 quotas represent exactly.
const maxExact = 1 << 53

// Apportion divides total among len(weights) categories in proportion to
// the weights, by method m, and returns whole numbers that sum exactly to
// total.
//
// Weights must be finite and non-negative, and not all zero. Only their
// ratios matter: weights whose sum overflows float64 (two of 1e308, say)
// or whose largest is below 2⁻⁵⁰⁰ (subnormals such as 5e-324) are
// multiplied by a power of two, exactly, before apportioning, so that
// every quotient is a normal float64. A category
// with weight zero gets nothing (also under Huntington–Hill). Ties are
// broken deterministically: between equal claims, the category with the
// larger weight wins, then the one that comes first.
//
// Errors wrap [ErrBadValue] (a negative, NaN or infinite weight, all
// weights zero, a negative total or one above 2⁵³) or [ErrShape] (no
// weights, or the zero or an unknown ApportionMethod).
func Apportion(total int64, weights []float64, m ApportionMethod) ([]int64, error) {
	return ApportionMin(total, weights, nil, m)
}

// ApportionMin is like [Apportion] but gives category i at least atLeast[i]
// (nil means no minimum). Under the divisor methods the result is the
// method's allocation with each category floored at its minimum; under
// Hamilton, categories whose quota falls short of their minimum get the
// minimum and the rest is reapportioned among the others. A minimum is
// given even to a category with weight zero. Minimums that are negative or
// sum to more than total (however large, even beyond int64) give an error
// wrapping [ErrBadValue] naming the first minimum that takes the sum beyond
// the total; len(atLeast) must
// be 0 or len(weights) ([ErrShape]).
func ApportionMin(total int64, weights []float64, atLeast []int64, m ApportionMethod) ([]int64, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("workforce: apportion %d: no weights: %w", total, ErrShape)
	}
	if m == 0 {
		return nil, fmt.Errorf("workforce: apportion: the zero ApportionMethod names no method; pass Hamilton for largest remainders: %w", ErrShape)
	}
	if m > HuntingtonHill {
		return nil, fmt.Errorf("workforce: apportion: unknown method %v: %w", m, ErrShape)
	}
	if total < 0 || total > maxExact {
		return nil, fmt.Errorf("workforce: apportion total %d: outside [0, 2^53]: %w", total, ErrBadValue)
	}
	if atLeast != nil && len(atLeast) != len(weights) {
		return nil, fmt.Errorf("workforce: apportion: %d minimums for %d weights: %w", len(atLeast), len(weights), ErrShape)
	}
	var sum, top float64
	for i, w := range weights {
		if !finiteNonNeg(w) {
			return nil, fmt.Errorf("workforce: apportion: weight %d = %v: %w", i, w, ErrBadValue)
		}
		sum += w
		if w > top {
			top = w
		}
	}
	if sum == 0 {
		return nil, fmt.Errorf("workforce: apportion: all %d weights are zero: %w", len(weights), ErrBadValue)
	}
	if math.IsInf(sum, 0) || top < minTop {
		weights = scaleWeights(weights, top)
	}
	out := make([]int64, len(weights))
	var minSum int64 // ≤ total ≤ 2^53 throughout: no overflow
	for i, x := range atLeast {
		if x < 0 {
			return nil, fmt.Errorf("workforce: apportion: minimum %d = %d: %w", i, x, ErrBadValue)
		}
		if x > total-minSum { // minSum+x > total, without computing minSum+x
			return nil, fmt.Errorf("workforce: apportion %d: minimum %d = %d takes the minimums beyond the total: %w", total, i, x, ErrBadValue)
		}
		minSum += x
		out[i] = x
	}
	if m == Hamilton {
		hamilton(total, weights, atLeast, out)
	} else {
		divisor(total, weights, atLeast, out, m)
	}
	return out, nil
}

// minTop is the smallest largest weight that [ApportionMin] divides as
// given: below it, sum/total could underflow (to 0 or to a subnormal with
// few significant bits) and the divisor methods would go wrong or step
// about 2⁵⁴ times (issue 13, rows 1 and 2).
const minTop = 0x1p-500

// scaleWeights returns the weights w, whose largest is top, multiplied by
// a power of two: up, when top is below minTop, to bring top into
// [2^-(L+1), 2^-L), L being the bit length of len(w), which is exact;
// down, when their sum overflows, by 2^-L' with L' the bit length of
// 2·len(w), which brings the sum within range. Either way the sum is
// finite and the quotients sum/total and w/D are normal floats. Only the
// ratios of the weights matter and a power of two keeps them exactly,
// except for weights that become subnormal when scaling down. A positive
// weight that would become 0 becomes the smallest positive float64
// instead, so that it still counts as positive (Huntington–Hill gives it a
// seat).
func scaleWeights(w []float64, top float64) []float64 {
	shift := -bits.Len(uint(2 * len(w)))
	if top < minTop {
		shift = -math.Ilogb(top) - bits.Len(uint(len(w))) - 1
	}
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = math.Ldexp(x, shift)
		if x > 0 && out[i] == 0 {
			out[i] = math.SmallestNonzeroFloat64
		}
	}
	return out
}

// hamilton fills out (already holding the minimums) by largest remainder.
func hamilton(total int64, w []float64, atLeast []int64, out []int64) {
	fixed := make([]bool, len(w))
	for {
		// Apportion what is left after the fixed categories among the others.
		left := total
		sum := 0.0
		for i := range w {
			if fixed[i] {
				left -= out[i]
			} else {
				sum += w[i]
			}
		}
		if sum == 0 { // only zero weights are free: they keep their minimums
			for i := range w {
				if !fixed[i] {
					left -= out[i]
				}
			}
			if left != 0 { // every weighted category is held at its minimum: the largest takes the rest
				best := 0
				for i := range w {
					if w[i] > w[best] {
						best = i
					}
				}
				out[best] += left
			}
			return
		}
		largestRemainder(left, w, sum, fixed, out)
		again := false
		for i := range w {
			if !fixed[i] && atLeast != nil && out[i] < atLeast[i] {
				out[i], fixed[i], again = atLeast[i], true, true
			}
		}
		if !again {
			return
		}
	}
}

// A rem is a category's fractional remainder under largest remainder.
type rem struct {
	i    int
	frac float64
}

// remBefore reports whether a gets a seat before b: the larger fraction,
// then the larger weight, then the earlier category. It is a strict total
// order, so the categories that get a seat do not depend on the algorithm.
func remBefore(a, b rem, w []float64) bool {
	switch {
	case a.frac != b.frac:
		return a.frac > b.frac
	case w[a.i] != w[b.i]:
		return w[a.i] > w[b.i]
	}
	return a.i < b.i
}

func largestRemainder(total int64, w []float64, sum float64, fixed []bool, out []int64) {
	rems := make([]rem, 0, len(w))
	given := int64(0)
	for i, x := range w {
		if fixed[i] {
			continue
		}
		q := float64(total) * (x / sum)
		f := math.Floor(q)
		out[i] = int64(f)
		given += out[i]
		rems = append(rems, rem{i, q - f})
	}
	// The usual case: the k seats left go to the k best remainders, found
	// in linear time, all of positive weight.
	if k := total - given; k >= 0 && k <= int64(len(rems)) {
		selectTop(rems, int(k), w)
		if !slices.ContainsFunc(rems[:k], func(r rem) bool { return w[r.i] == 0 }) {
			for _, r := range rems[:k] {
				out[r.i]++
			}
			return
		}
	}
	slices.SortFunc(rems, func(a, b rem) int { // fractions and weights are finite
		if remBefore(a, b, w) {
			return -1
		}
		return 1 // never equal: categories differ
	})
	// Floating-point error can leave the floors a few seats off in either
	// direction; the loops keep every share non-negative and the sum exact.
	for k := 0; given < total; k++ {
		i := rems[k%len(rems)].i
		if w[i] == 0 && k < len(rems) {
			continue
		}
		out[i]++
		given++
	}
	for k := len(rems) - 1; given > total; k-- {
		i := rems[(k%len(rems)+len(rems))%len(rems)].i
		if out[i] > 0 {
			out[i]--
			given--
		}
	}
}

// selectTop reorders r so that r[:k] holds its k first elements in the
// order of [remBefore] (quickselect with a median-of-three pivot, falling
// back to sorting if the partitions stay unbalanced).
func selectTop(r []rem, k int, w []float64) {
	lo, hi := 0, len(r)
	for rounds := 0; lo < k && k < hi; rounds++ {
		if rounds > 64 { // unbalanced pivots: sort what is left
			slices.SortFunc(r[lo:hi], func(a, b rem) int {
				if remBefore(a, b, w) {
					return -1
				}
				return 1
			})
			return
		}
		a, m, b := lo, lo+(hi-lo)/2, hi-1
		if remBefore(r[m], r[a], w) {
			r[a], r[m] = r[m], r[a]
		}
		if remBefore(r[b], r[m], w) {
			r[m], r[b] = r[b], r[m]
			if remBefore(r[m], r[a], w) {
				r[a], r[m] = r[m], r[a]
			}
		}
		r[m], r[b] = r[b], r[m] // the median is the pivot, at the end
		pivot, store := r[b], lo
		for j := lo; j < b; j++ {
			if remBefore(r[j], pivot, w) {
				r[store], r[j] = r[j], r[store]
				store++
			}
		}
		r[store], r[b] = r[b], r[store]
		if k <= store {
			hi = store
		} else {
			lo = store + 1
		}
	}
}

// divisorOf returns the divisor for a category holding n seats under m.
func divisorOf(m ApportionMethod, n int64) float64 {
	switch m {
	case DHondt:
		return float64(n) + 1
	case SainteLague:
		return float64(n) + 0.5
	default: // HuntingtonHill
		return math.Sqrt(float64(n) * float64(n+1))
	}
}

// priority of the next seat for a category with weight w holding n seats.
func priority(m ApportionMethod, w float64, n int64) float64 {
	if w == 0 {
		return 0
	}
	d := divisorOf(m, n)
	if d == 0 {
		return math.Inf(1)
	}
	return w / d
}

// seatsAt returns the allocation of a divisor method at divisor D.
func seatsAt(m ApportionMethod, w, D float64) int64 {
	if w == 0 {
		return 0
	}
	q := w / D
	if q >= maxExact {
		return maxExact
	}
	f := math.Floor(q)
	switch m {
	case DHondt:
		return int64(f)
	case SainteLague:
		if q-f >= 0.5 {
			return int64(f) + 1
		}
		return int64(f)
	default:
		// f == 0: the first seat's divisor √(0·1) is 0, so any positive
		// weight earns it, even when w/D underflows to 0.
		if f == 0 || q > math.Sqrt(f*(f+1)) {
			return int64(f) + 1
		}
		return int64(f)
	}
}

type seatHeap struct {
	m    ApportionMethod
	w    []float64
	out  []int64
	idx  []int
	prio []float64
	max  bool // true: largest priority first (adding); false: smallest (removing)
}

func (h *seatHeap) Len() int { return len(h.idx) }
func (h *seatHeap) Less(a, b int) bool {
	i, j := h.idx[a], h.idx[b]
	if h.prio[i] != h.prio[j] {
		return (h.prio[i] > h.prio[j]) == h.max
	}
	// Ties: the larger weight gets the seat (and loses it last), then the earlier category.
	if h.w[i] != h.w[j] {
		return (h.w[i] > h.w[j]) == h.max
	}
	return (i < j) == h.max
}
func (h *seatHeap) Swap(a, b int) { h.idx[a], h.idx[b] = h.idx[b], h.idx[a] }
func (h *seatHeap) Push(x any)    { h.idx = append(h.idx, x.(int)) }
func (h *seatHeap) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}

// divisor fills out (holding the minimums) by divisor method m.
func divisor(total int64, w []float64, atLeast []int64, out []int64, m ApportionMethod) {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	count := func(D float64) int64 {
		var n int64
		for i, x := range w {
			s := seatsAt(m, x, D)
			if atLeast != nil && s < atLeast[i] {
				s = atLeast[i]
			}
			n += s // s ≤ 2^53 and n ≤ 2^54 before: no overflow
			if n > 2*maxExact {
				return n // saturate: more than any total
			}
		}
		return n
	}
	// Start from the allocation at a divisor near the answer, which is a
	// valid state of the method; then add or remove seats one at a time in
	// priority order. Bisect first if the start is far off (large minimums).
	D := sum / math.Max(float64(total), 1)
	n := count(D)
	// A few secant steps bring the count within a handful of seats of the
	// total, so that few seats move one at a time below.
	for k := 0; k < 4 && n != total && n > 0 && total > 0; k++ {
		D2 := D * float64(n) / float64(total)
		n2 := count(D2)
		if abs64(n2-total) >= abs64(n-total) {
			break
		}
		D, n = D2, n2
	}
	if d := n - total; d > int64(len(w)) || -d > int64(len(w)) {
		lo, hi := D, D
		for k := 0; count(hi) > total && k < 2100; k++ {
			hi *= 2
		}
		for count(lo) < total && lo > 1e-300 {
			lo /= 2
		}
		for range 200 {
			mid := lo + (hi-lo)/2
			if mid <= lo || mid >= hi {
				break
			}
			if count(mid) > total {
				lo = mid
			} else {
				hi = mid
			}
		}
		D = hi
	}
	for i, x := range w {
		s := seatsAt(m, x, D)
		if atLeast == nil || s > atLeast[i] {
			out[i] = s
		}
	}
	n = 0
	for _, s := range out {
		n += s
	}
	h := &seatHeap{m: m, w: w, out: out, prio: make([]float64, len(w)), max: n < total}
	for i, x := range w {
		switch {
		case h.max && x > 0:
			h.prio[i] = priority(m, x, out[i])
			h.idx = append(h.idx, i)
		case !h.max && out[i] > 0 && (atLeast == nil || out[i] > atLeast[i]):
			h.prio[i] = priority(m, x, out[i]-1)
			h.idx = append(h.idx, i)
		}
	}
	heap.Init(h)
	for n != total && h.Len() > 0 {
		i := h.idx[0]
		if h.max {
			out[i]++
			n++
			h.prio[i] = priority(m, w[i], out[i])
			heap.Fix(h, 0)
		} else {
			out[i]--
			n--
			if out[i] == 0 || (atLeast != nil && out[i] <= atLeast[i]) {
				heap.Pop(h)
			} else {
				h.prio[i] = priority(m, w[i], out[i]-1)
				heap.Fix(h, 0)
			}
		}
	}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
