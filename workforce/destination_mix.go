package workforce

import (
	"fmt"
	"math"
	"slices"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// A DestinationMix is the emigrants' composition by destination, for
// [Scenario].Destinations: which destinations, their (uncertain) shares,
// and optionally a destination × sector seed. Build one with
// [NewDestinationShares], [NewDestinationShareRanges],
// [NewDestinationCounts] or [DefaultDestinationMix].
//
// The zero DestinationMix means "no destinations": a [Scenario] without
// one behaves exactly as it did before destinations existed. A
// DestinationMix is immutable and safe for concurrent use.
//
// With a DestinationMix in [Scenario].Destinations, a [Headcount] also gives whole people by
// destination, by destination × sector, by destination × skill level and
// by destination × band, each with an interval. All views add up to the
// same totals: the destination × sector table's columns are the sector
// totals of [Headcount.Table] ([Headcount.BySector]), the destination ×
// skill table's columns are its skill totals ([Headcount.BySkill]), both
// tables' rows are the destination totals ([Headcount.ByDestination]), and
// every table's grand total is [Headcount.Total]. Band columns are the
// sums of the level columns, so they agree with [Headcount.ByBand] too.
//
// How: the unrounded point table is three-way, destination × sector ×
// skill level: X[d,s,k] = Y[d,s]·x[s,k]/S[s], where x is the unrounded
// sector × skill table ([Count].Expected), S its sector totals and Y
// the destination × sector table: by default the destination shares times
// the sector totals (independence: the sector and skill mix of the
// emigrants is the same in every destination, an assumption, as the
// sources mostly do not say otherwise), or a destination × sector seed
// ([DestinationMix.WithSectorSeed]) fitted to the destination and sector
// totals by iterative proportional fitting. Because the seed X0[d,s,k] =
// seed[d,s]·x[s,k] factorises through the sector, this is exactly the
// 3-D fit ([FitN]) of X0 to the destination margin and the sector × skill
// table. Then, with the sector × skill table already rounded, the margins
// it fixes come first: the destination × sector table is scaled to the
// rounded sector totals and controlled-rounded with those column totals
// fixed, which rounds the destination totals (each to an integer adjacent
// to its scaled value); the destination × skill table is fitted to those
// destination totals and the rounded skill totals and controlled-rounded
// with both fixed. Each cell is then within one person of the table it was
// rounded from, which differs from X by less than a person per line.
// The views are consistent two by two through their shared margins; there
// is no published whole-number three-way table.
//
// Intervals come from the same Monte Carlo draws as the sector × skill
// table: in each draw the destination shares are drawn and that draw's
// unrounded sector × skill table is spread over them, so a destination's
// interval reflects the uncertainty of the total, the sector and skill
// mix and the destination shares together. Like the others they are
// intervals of unrounded counts.
//
// Memory: the run keeps every draw of every destination output, nd × (S +
// 8) values per draw for nd destinations and S sectors, plus a copy of the
// draws of the sector × skill cells: with the default 12 destinations and
// 21 sectors, about 3.5 KB per draw (2.8 KB of outputs, 0.7 KB of copied
// cells), 350 MB for 100,000 draws.
type DestinationMix struct {
	dests    []Destination
	comp     estimate.Composition
	point    []float64 // shares of the point result
	counts   bool
	lowNamed float64 // counts: sum of the lowest possible counts of named countries
	seed     []float64
	seedCols []Sector
	name     string
}

func checkDests(fn string, dests []Destination, n int) error {
	if len(dests) == 0 {
		return fmt.Errorf("workforce: %s: no destinations: %w", fn, ErrShape)
	}
	if len(dests) != n {
		return fmt.Errorf("workforce: %s: %d destinations for %d values: %w", fn, len(dests), n, ErrShape)
	}
	for i, d := range dests {
		if !d.Valid() {
			return fmt.Errorf("workforce: %s: destination %v: %w", fn, d, ErrUnknownCode)
		}
		if slices.Contains(dests[:i], d) {
			return fmt.Errorf("workforce: %s: destination %v given twice: %w", fn, d, ErrBadValue)
		}
	}
	return nil
}

// NewDestinationShares returns the mix of dests with the given
// composition, one share per destination, in order: a [estimate.Dirichlet],
// [estimate.DirichletMean], [estimate.RangeShares] or
// [estimate.FixedShares] composition, as for [Scenario].Sectors. Its
// point shares are the composition's mean.
//
// Errors wrap [ErrShape] (no destinations, or a composition of another
// length), [ErrUnknownCode] (an invalid Destination) or [ErrBadValue] (a
// destination given twice, the zero Composition).
func NewDestinationShares(dests []Destination, shares estimate.Composition) (DestinationMix, error) {
	if shares.Len() == 0 {
		return DestinationMix{}, fmt.Errorf("workforce: destination shares: the zero Composition: %w", ErrBadValue)
	}
	if err := checkDests("destination shares", dests, shares.Len()); err != nil {
		return DestinationMix{}, err
	}
	return DestinationMix{dests: slices.Clone(dests), comp: shares, point: shares.Mean(), name: shares.Name()}, nil
}

// NewDestinationShareRanges returns the mix of dests whose shares are
// given one by one, each possibly uncertain, such as a survey's "Georgia
// 15.5%". The shares must be able to sum to 1: the sum of their lowest
// possible values must be at most 1 and the sum of their highest at least
// 1 (within 1e-9). In each draw the shares drawn are divided by their sum
// ([estimate.RangeShares]), and the point shares are the medians divided
// by theirs: a documented renormalisation, which changes nothing when the
// medians sum to 1.
//
// Errors name the bad value and wrap [ErrShape], [ErrUnknownCode] or
// [ErrBadValue] (as for [NewDestinationShares]; also a zero Estimate, a
// share that can be negative, a median outside [0, 1]) or [ErrInconsistent]
// (shares that cannot sum to 1).
func NewDestinationShareRanges(dests []Destination, shares []estimate.Estimate) (DestinationMix, error) {
	if err := checkDests("destination shares", dests, len(shares)); err != nil {
		return DestinationMix{}, err
	}
	lo, hi := 0.0, 0.0
	med := make([]float64, len(shares))
	for i, e := range shares {
		if e.IsZero() {
			return DestinationMix{}, fmt.Errorf("workforce: destination shares: %v: zero Estimate: %w", dests[i], ErrBadValue)
		}
		l, h, m := e.Quantile(0), e.Quantile(1), e.Median()
		if !(l >= 0) {
			if e.IsPoint() {
				return DestinationMix{}, fmt.Errorf("workforce: destination shares: %v = %v: a negative share: %w", dests[i], e, ErrBadValue)
			}
			return DestinationMix{}, fmt.Errorf("workforce: destination shares: %v = %v can be %v, below 0: %w", dests[i], e, l, ErrBadValue)
		}
		if !(m <= 1) {
			return DestinationMix{}, fmt.Errorf("workforce: destination shares: %v = %v: median %v above 1: %w", dests[i], e, m, ErrBadValue)
		}
		lo, hi, med[i] = lo+l, hi+h, m
	}
	if lo > 1+1e-9 {
		return DestinationMix{}, fmt.Errorf("workforce: destination shares cannot sum to 1: their lowest values add up to %.12g: %w", lo, ErrInconsistent)
	}
	if hi < 1-1e-9 {
		return DestinationMix{}, fmt.Errorf("workforce: destination shares cannot sum to 1: their highest values add up to %.12g: %w", hi, ErrInconsistent)
	}
	if floatSum(med) == 0 {
		return DestinationMix{}, fmt.Errorf("workforce: destination shares: every median is 0: %w", ErrBadValue)
	}
	comp, err := estimate.RangeShares(shares)
	if err != nil {
		return DestinationMix{}, fmt.Errorf("workforce: destination shares: %w: %w", err, ErrBadValue)
	}
	return DestinationMix{dests: slices.Clone(dests), comp: comp, point: normalised(med)}, nil
}

// NewDestinationCounts returns the mix of dests from counts of people,
// each possibly uncertain (such as [DestinationRange.Estimate]), that are
// scaled to the scenario's total: in each draw a destination's share is its
// drawn count divided by the sum of the drawn counts
// ([estimate.RangeShares]); the point shares are the medians divided by
// their sum. So counts for a total of 650,000 applied to a total of
// 1,000,000 are all multiplied by 1.54; to keep the named countries'
// counts and give the difference to the rest, put it in
// [OtherDestinations] yourself.
//
// A count table contradicts the scenario's total when the named
// destinations (all but OtherDestinations) hold, at their lowest possible
// counts, more people than the point total who left: [NewHeadcount] then
// fails with an error wrapping [ErrInconsistent] that names both numbers.
//
// Errors name the bad value and wrap [ErrShape], [ErrUnknownCode],
// [ErrBadValue] (a zero Estimate, a count that can be negative, such as a
// negative point, or counts whose medians are all 0).
func NewDestinationCounts(dests []Destination, counts []estimate.Estimate) (DestinationMix, error) {
	if err := checkDests("destination counts", dests, len(counts)); err != nil {
		return DestinationMix{}, err
	}
	low := 0.0
	med := make([]float64, len(counts))
	for i, e := range counts {
		if e.IsZero() {
			return DestinationMix{}, fmt.Errorf("workforce: destination counts: %v: zero Estimate: %w", dests[i], ErrBadValue)
		}
		l := e.Quantile(0)
		if !(l >= 0) {
			if e.IsPoint() {
				return DestinationMix{}, fmt.Errorf("workforce: destination counts: %v = %v: a negative count: %w", dests[i], e, ErrBadValue)
			}
			return DestinationMix{}, fmt.Errorf("workforce: destination counts: %v = %v can be %v, a negative count: %w", dests[i], e, l, ErrBadValue)
		}
		if m := e.Median(); !(m <= maxExact) {
			return DestinationMix{}, fmt.Errorf("workforce: destination counts: %v = %v: median %v above 2^53: %w", dests[i], e, m, ErrBadValue)
		}
		med[i] = e.Median()
		if dests[i] != OtherDestinations {
			low += l
		}
	}
	if floatSum(med) == 0 {
		return DestinationMix{}, fmt.Errorf("workforce: destination counts: every median is 0: %w", ErrBadValue)
	}
	comp, err := estimate.RangeShares(counts)
	if err != nil {
		return DestinationMix{}, fmt.Errorf("workforce: destination counts: %w: %w", err, ErrBadValue)
	}
	var src []exodus.Source
	for _, e := range counts {
		src = append(src, e.Sources()...)
	}
	comp = comp.WithSources(dedupe(src)...)
	return DestinationMix{dests: slices.Clone(dests), comp: comp, point: normalised(med), counts: true, lowNamed: low}, nil
}

// WithSectorSeed returns a copy of m whose destination × sector table
// starts from seed instead of independence. Rows of seed are the mix's
// destination codes ([Destination.String]), in any order; columns are
// sector letters, exactly the rows of the scenario's workforce (checked by
// [NewHeadcount]); cells are non-negative weights. The fit keeps the
// seed's odds ratios between destinations and sectors (it is iterative
// proportional fitting to the destination and sector totals), not its
// shares: a seed row for Georgia with 27% in J and the rest in proportion
// to the workforce does not make J exactly 27% of Georgia after the fit.
// Zero weights stay zero.
//
// Errors wrap [ErrShape] (a nil seed, rows that are not the mix's
// destinations, columns that are not distinct sectors), [ErrMissing] or
// [ErrBadValue] (a weight that is missing, negative, infinite; a row all
// zero), naming the cell.
func (m DestinationMix) WithSectorSeed(seed *Table) (DestinationMix, error) {
	if m.IsZero() {
		return m, fmt.Errorf("workforce: destination seed on the zero DestinationMix: %w", ErrBadValue)
	}
	if seed == nil {
		return m, fmt.Errorf("workforce: destination seed: nil table: %w", ErrShape)
	}
	r, c := seed.Dims()
	if r != len(m.dests) || c == 0 {
		return m, fmt.Errorf("workforce: destination seed: %d×%d table for %d destinations: %w", r, c, len(m.dests), ErrShape)
	}
	cols := make([]Sector, c)
	for j, l := range seed.cols {
		s, err := ParseSector(l)
		if err != nil || slices.Contains(cols[:j], s) {
			return m, fmt.Errorf("workforce: destination seed: column %q is not a distinct sector: %w", l, ErrShape)
		}
		cols[j] = s
	}
	v := make([]float64, r*c)
	for i, d := range m.dests {
		k, ok := seed.RowIndex(d.String())
		if !ok {
			return m, fmt.Errorf("workforce: destination seed: no row for destination %v (rows %q): %w", d, seed.rows, ErrShape)
		}
		sum := 0.0
		for j := range c {
			x := seed.At(k, j)
			if math.IsNaN(x) {
				return m, fmt.Errorf("workforce: destination seed: cell (%v, %q) is missing: %w", d, seed.cols[j], ErrMissing)
			}
			if !finiteNonNeg(x) {
				return m, fmt.Errorf("workforce: destination seed: cell (%v, %q) = %v: %w", d, seed.cols[j], x, ErrBadValue)
			}
			v[i*c+j] = x
			sum += x
		}
		if !(sum > 0) || math.IsInf(sum, 0) {
			return m, fmt.Errorf("workforce: destination seed: row %v sums to %v: %w", d, sum, ErrBadValue)
		}
	}
	m.seed, m.seedCols = v, cols
	return m, nil
}

// IsZero reports whether m is the zero DestinationMix: no destinations.
func (m DestinationMix) IsZero() bool { return len(m.dests) == 0 }

// Destinations returns the destinations, in order, in a new slice.
func (m DestinationMix) Destinations() []Destination { return slices.Clone(m.dests) }

// Shares returns the point shares, one per destination, summing to 1: the
// composition's mean, the medians renormalised, or for
// [DefaultDestinationMix] the central figures' shares.
func (m DestinationMix) Shares() []float64 { return slices.Clone(m.point) }

// Composition returns the uncertain shares drawn by the Monte Carlo run.
func (m DestinationMix) Composition() estimate.Composition { return m.comp }

// HasSectorSeed reports whether m has a destination × sector seed
// ([DestinationMix.WithSectorSeed]); without one the sector mix is the
// same in every destination.
func (m DestinationMix) HasSectorSeed() bool { return m.seed != nil }

// Named returns a copy of m with a name, printed in [Headcount.Notes].
func (m DestinationMix) Named(name string) DestinationMix {
	m.name = name
	return m
}

// Name returns the name given by [DestinationMix.Named].
func (m DestinationMix) Name() string { return m.name }

// Sources returns the sources of the composition.
func (m DestinationMix) Sources() []exodus.Source { return m.comp.Sources() }
