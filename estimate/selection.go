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
// Cost: one counting pass, then one pass that copies out the buckets of
// the wanted ranks (when they hold at most n/16 values together; a larger
// bucket is counted again by its next 16 bits); extra memory is a 512 KiB
// table and at most n/16 values.

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
	// Negative: flip every bit; positive: flip the sign bit. No branch.
	return b ^ (uint64(int64(b)>>63) | 1<<63)
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
	// Copy out the values of every bucket small enough, in one pass,
	// each bucket to its own segment of one buffer of at most cap values.
	var batch []int // indices in groups
	total := 0
	for i, g := range groups {
		if shift > 0 && g.count <= s.cap-total {
			batch = append(batch, i)
			total += g.count
		}
	}
	if len(batch) > 0 {
		if cap(s.buf) < total {
			s.buf = make([]float64, total)
		}
		buf := s.buf[:total]
		marks := hist // the counts are in groups now
		clear(marks)
		pos := make([]int, len(batch)+1)
		for j, i := range batch {
			marks[groups[i].bucket] = j + 1
			pos[j+1] = pos[j] + groups[i].count
		}
		start := slices.Clone(pos)
		top := shift + radixBits
		for _, v := range s.x {
			k := sortKey(v)
			if level > 0 && k>>top != prefix {
				continue
			}
			if j := marks[(k>>shift)&(radixSize-1)]; j != 0 {
				buf[pos[j-1]] = v
				pos[j-1]++
			}
		}
		for j, i := range batch {
			g := groups[i]
			selectSorted(buf[start[j]:start[j+1]], g.ranks, g.below, g.out)
		}
	}
	for i, g := range groups {
		if len(batch) > 0 && batch[0] == i {
			batch = batch[1:]
			continue
		}
		full := prefix<<radixBits | g.bucket
		if shift == 0 {
			// The key is complete: every value in the bucket is the same.
			v := fromKey(full)
			for i := range g.out {
				g.out[i] = v
			}
			continue
		}
		s.find(level+1, full, g.below, g.ranks, g.out)
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
