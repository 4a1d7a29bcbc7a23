package estimate

import (
	"math"
	"slices"
)

// Order statistics without sorting and without reordering the sample.
//
// A Result keeps every draw in draw order (Summary.Samples returns them
// so), and a sorted copy would double the memory of a run. orderStats
// instead finds the order statistics it is asked for by radix selection on
// the IEEE 754 bits of the values: one pass counts the draws in each of
// 2¹⁶ buckets of the top 16 bits of an order-preserving key, then for each
// bucket holding a wanted rank a second pass either copies the bucket's
// draws out (when they are few) and selects among them, or counts them by
// the next 16 bits. A bucket at the fourth level holds a single value. The
// sample itself is only read.
//
// Cost: one counting pass, then about one pass per distinct bucket of the
// wanted ranks (usually one per quantile), each O(n); extra memory is a
// 512 KiB table and at most n/16 values.

const (
	radixBits = 16
	radixSize = 1 << radixBits
	// smallSample is the size below which orderStats copies and selects:
	// the counting table would cost more than the copy.
	smallSample = 1 << 14
)

// sortKey maps a non-NaN float64 to a uint64 with the same order (−0
// sorts just below +0).
func sortKey(x float64) uint64 {
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// fromKey inverts sortKey.
func fromKey(k uint64) float64 {
	if k>>63 != 0 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// orderStats sets out[i] to the order statistic of 0-based rank ranks[i]
// of x (the value at index ranks[i] of sorted x). ranks must be ascending
// and in [0, len(x)). x is not modified.
func orderStats(x []float64, ranks []int, out []float64) {
	if len(ranks) == 0 {
		return
	}
	if len(x) <= smallSample {
		buf := slices.Clone(x)
		selectSorted(buf, ranks, 0, out)
		return
	}
	s := selector{x: x, hist: make([]int, radixSize), cap: len(x)/16 + 1}
	s.find(0, 0, 0, ranks, out)
}

type selector struct {
	x    []float64
	hist []int
	buf  []float64
	cap  int // the most values copied out at once
}

// find resolves ranks (ascending, absolute) whose keys all start with the
// level·16-bit prefix; below is the number of values whose key is smaller
// than every key with that prefix.
func (s *selector) find(level int, prefix uint64, below int, ranks []int, out []float64) {
	shift := uint(64 - radixBits*(level+1)) // the bits below this level's digit
	hist := s.hist
	clear(hist)
	if level == 0 {
		for _, v := range s.x {
			hist[sortKey(v)>>shift]++
		}
	} else {
		top := shift + radixBits
		for _, v := range s.x {
			if k := sortKey(v); k>>top == prefix {
				hist[(k>>shift)&(radixSize-1)]++
			}
		}
	}
	// Group the ranks by bucket, with each bucket's count and the number of
	// values below it, before the table is reused by a deeper level.
	type group struct {
		bucket       uint64
		below, count int
		ranks        []int
		out          []float64
	}
	var groups []group
	cum, b := below, 0
	for i := 0; i < len(ranks); {
		for cum+hist[b] <= ranks[i] {
			cum += hist[b]
			b++
		}
		j := i + 1
		for j < len(ranks) && ranks[j] < cum+hist[b] {
			j++
		}
		groups = append(groups, group{uint64(b), cum, hist[b], ranks[i:j], out[i:j]})
		i = j
	}
	for _, g := range groups {
		full := prefix<<radixBits | g.bucket
		switch {
		case shift == 0:
			// The key is complete: every value in the bucket is the same.
			v := fromKey(full)
			for i := range g.out {
				g.out[i] = v
			}
		case g.count <= s.cap:
			if cap(s.buf) < g.count {
				s.buf = make([]float64, 0, g.count)
			}
			buf := s.buf[:0]
			for _, v := range s.x {
				if sortKey(v)>>shift == full {
					buf = append(buf, v)
				}
			}
			s.buf = buf
			selectSorted(buf, g.ranks, g.below, g.out)
		default:
			s.find(level+1, full, g.below, g.ranks, g.out)
		}
	}
}

// selectSorted sets out[i] to the value of rank ranks[i]−offset in buf,
// reordering buf.
func selectSorted(buf []float64, ranks []int, offset int, out []float64) {
	lo := 0
	for i, r := range ranks {
		k := r - offset
		if i > 0 && k == lo+1 {
			// The next rank after one just selected: the least value above it.
			out[i] = slices.Min(buf[lo+1:])
			continue
		}
		quickselect(buf[lo:], k-lo)
		out[i] = buf[k]
		lo = k
	}
}

// quickselect puts the k-th smallest value of x (0-based) at x[k], with no
// larger value before it and no smaller one after it: Hoare partitioning
// around a median-of-three pivot, then insertion sort for short ranges.
func quickselect(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for hi-lo > 16 {
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // x[j+1 : i] all equal the pivot
		}
	}
	slices.Sort(x[lo : hi+1])
}
