package workforce

import (
	"fmt"
	"math"
	"slices"
)

// FitOptions controls iterative proportional fitting. The zero value means
// the defaults.
type FitOptions struct {
	// Tolerance is the largest acceptable difference between a fitted
	// margin and its target, relative to the grand total. Zero means 1e-10.
	Tolerance float64
	// MaxIter is the largest number of iterations, each adjusting every
	// margin once. Zero means 1000.
	MaxIter int
}

func (o FitOptions) resolve() (tol float64, maxIter int, err error) {
	tol, maxIter = o.Tolerance, o.MaxIter
	if tol == 0 {
		tol = 1e-10
	}
	if maxIter == 0 {
		maxIter = 1000
	}
	if !(tol > 0) || math.IsInf(tol, 0) {
		return 0, 0, fmt.Errorf("workforce: fit: tolerance %v: %w", o.Tolerance, ErrBadValue)
	}
	if maxIter < 0 {
		return 0, 0, fmt.Errorf("workforce: fit: iteration limit %d: %w", o.MaxIter, ErrBadValue)
	}
	return tol, maxIter, nil
}

// A FitReport says how a fit went.
type FitReport struct {
	// Iterations is the number of iterations run.
	Iterations int
	// MaxError is the largest difference between a fitted margin and its
	// target at the end, relative to the grand total.
	MaxError float64
	// Converged reports whether MaxError is within the tolerance.
	Converged bool
}

// Fit adjusts seed by iterative proportional fitting (the RAS algorithm,
// Deming and Stephan 1940) so its row totals equal rows and its column
// totals equal cols, keeping the seed's interactions (odds ratios). Cells
// that are zero in the seed stay zero (structural zeros).
//
// Targets must be finite and non-negative with a finite sum (else an
// error wrapping [ErrBadValue]), and the row and column targets must have
// equal sums (within a relative 1e-9, else an error wrapping
// [ErrInconsistent]). A positive
// target for a row or column whose seed cells are all zero is an error
// wrapping [ErrInfeasible], and so is any zero pattern that no table with
// the target totals fits (Fit checks by a maximum flow from rows to
// columns through the non-zero cells; exactly then RAS cannot converge).
// Fit always terminates: when the tolerance is not reached within
// opt.MaxIter iterations, as can happen when the targets are reachable
// only by driving some non-zero cells to zero, the error wraps
// [ErrNotConverged] and Fit returns the last iterate with its report.
// Other errors wrap [ErrShape], [ErrBadValue] (also for a nil seed) or
// [ErrMissing] (naming the first missing cell); they come with a nil table
// and a zero report.
func Fit(seed *Table, rows, cols []float64, opt FitOptions) (*Table, FitReport, error) {
	tol, maxIter, err := opt.resolve()
	if err != nil {
		return nil, FitReport{}, err
	}
	if seed == nil {
		return nil, FitReport{}, nilTable("fit")
	}
	r, c := seed.Dims()
	if len(rows) != r || len(cols) != c {
		return nil, FitReport{}, fmt.Errorf("workforce: fit: %d row and %d column targets for a %d×%d table: %w", len(rows), len(cols), r, c, ErrShape)
	}
	if err := seed.missing("fit: seed"); err != nil {
		return nil, FitReport{}, err
	}
	if err := checkTargets(rows, cols); err != nil {
		return nil, FitReport{}, err
	}
	x := slices.Clone(seed.v)
	rescale(x)
	if err := feasible2(x, r, c, rows, cols, seed.rows, seed.cols); err != nil {
		return nil, FitReport{}, err
	}
	if !reachable2(x, r, c, rows, cols) {
		return nil, FitReport{}, fmt.Errorf("workforce: fit: no table with the seed's zero cells has these row and column totals: %w", ErrInfeasible)
	}
	rep := fit2(x, r, c, rows, cols, tol, maxIter, make([]float64, c))
	out := seed.with(x)
	if !rep.Converged {
		return out, rep, fmt.Errorf("workforce: fit: %d iterations left a margin error of %.3g of the total: %w", rep.Iterations, rep.MaxError, ErrNotConverged)
	}
	return out, rep, nil
}

func checkTargets(rows, cols []float64) error {
	var sr, sc float64
	for i, x := range rows {
		if !finiteNonNeg(x) {
			return fmt.Errorf("workforce: fit: row target %d = %v: %w", i, x, ErrBadValue)
		}
		sr += x
	}
	for j, x := range cols {
		if !finiteNonNeg(x) {
			return fmt.Errorf("workforce: fit: column target %d = %v: %w", j, x, ErrBadValue)
		}
		sc += x
	}
	if math.IsInf(sr, 0) || math.IsInf(sc, 0) {
		return fmt.Errorf("workforce: fit: row targets sum to %v, column targets to %v: %w", sr, sc, ErrBadValue)
	}
	if math.Abs(sr-sc) > 1e-9*math.Max(sr, sc) {
		return fmt.Errorf("workforce: fit: row targets sum to %v, column targets to %v: %w", sr, sc, ErrInconsistent)
	}
	return nil
}

func feasible2(x []float64, r, c int, rows, cols []float64, rl, cl []string) error {
	for i := range r {
		if rows[i] > 0 && !slices.ContainsFunc(x[i*c:(i+1)*c], func(v float64) bool { return v > 0 }) {
			return fmt.Errorf("workforce: fit: row %q has target %v but no non-zero seed cell: %w", rl[i], rows[i], ErrInfeasible)
		}
	}
	for j := range c {
		ok := cols[j] == 0
		for i := 0; i < r && !ok; i++ {
			ok = x[i*c+j] > 0
		}
		if !ok {
			return fmt.Errorf("workforce: fit: column %q has target %v but no non-zero seed cell: %w", cl[j], cols[j], ErrInfeasible)
		}
	}
	return nil
}

// fit2 runs RAS in place on the r×c row-major x. buf has c elements.
func fit2(x []float64, r, c int, rows, cols []float64, tol float64, maxIter int, buf []float64) FitReport {
	total := 0.0
	for _, t := range rows {
		total += t
	}
	if total == 0 {
		clear(x)
		return FitReport{Converged: true}
	}
	limit := tol * total
	var rep FitReport
	for rep.Iterations < maxIter {
		rep.Iterations++
		dev := 0.0
		for i := range r {
			row := x[i*c : (i+1)*c]
			s := 0.0
			for _, v := range row {
				s += v
			}
			dev = math.Max(dev, math.Abs(s-rows[i]))
			if s > 0 {
				f := rows[i] / s
				for j := range row {
					row[j] *= f
				}
			}
		}
		clear(buf)
		for i := range r {
			for j, v := range x[i*c : (i+1)*c] {
				buf[j] += v
			}
		}
		for j, s := range buf {
			dev = math.Max(dev, math.Abs(s-cols[j]))
			if s > 0 {
				buf[j] = cols[j] / s
			}
		}
		for i := range r {
			row := x[i*c : (i+1)*c]
			for j := range row {
				row[j] *= buf[j]
			}
		}
		if dev <= limit {
			break
		}
	}
	// The final error: columns are exact after the last step; rows may not be.
	dev := 0.0
	for i := range r {
		s := 0.0
		for _, v := range x[i*c : (i+1)*c] {
			s += v
		}
		dev = math.Max(dev, math.Abs(s-rows[i]))
	}
	rep.MaxError = dev / total
	rep.Converged = dev <= limit
	return rep
}

// A Margin is a target for [FitN]: the totals of the array over every
// dimension not in Dims. Dims lists distinct dimensions in increasing order;
// Values holds the targets in row-major order over those dimensions (the
// last dimension varying fastest). For a sector × skill × country array,
// Margin{Dims: []int{0, 2}} targets sector × country totals.
type Margin struct {
	// Dims are the dimensions the margin keeps, distinct and increasing.
	Dims []int
	// Values are the target totals, row-major over Dims.
	Values []float64
}

// FitN is iterative proportional fitting of an N-dimensional array (seed,
// row-major with the given shape) to any set of margins, as in R's mipfp
// and Python's ipfn. Zero cells in the seed stay zero. It returns the
// fitted array in a new slice and a report.
//
// Margins must have valid, sorted, distinct dimensions and the right
// number of finite non-negative values with a finite sum (else errors
// wrapping [ErrShape] or [ErrBadValue]); their grand totals, and their totals over the dimensions
// they share, must agree within a relative 1e-9 ([ErrInconsistent]). A
// positive target whose seed cells are all zero is an error wrapping
// [ErrInfeasible]. Other zero patterns that make the margins unreachable
// are not detected in advance, as [Fit] does for two dimensions (in general
// that is a linear program): like a slow fit, they end in failure to reach
// the tolerance within opt.MaxIter iterations, which wraps
// [ErrNotConverged] and returns the last iterate with its report. FitN
// always terminates.
func FitN(seed []float64, shape []int, margins []Margin, opt FitOptions) ([]float64, FitReport, error) {
	tol, maxIter, err := opt.resolve()
	if err != nil {
		return nil, FitReport{}, err
	}
	n := 1
	for d, s := range shape {
		if s <= 0 || n > math.MaxInt32/s {
			return nil, FitReport{}, fmt.Errorf("workforce: fit: dimension %d has size %d: %w", d, s, ErrShape)
		}
		n *= s
	}
	if len(shape) == 0 || len(seed) != n {
		return nil, FitReport{}, fmt.Errorf("workforce: fit: %d seed cells for shape %v: %w", len(seed), shape, ErrShape)
	}
	for k, v := range seed {
		if !finiteNonNeg(v) {
			return nil, FitReport{}, fmt.Errorf("workforce: fit: seed cell %d = %v: %w", k, v, ErrBadValue)
		}
	}
	if len(margins) == 0 {
		return nil, FitReport{}, fmt.Errorf("workforce: fit: no margins: %w", ErrShape)
	}
	idx := make([][]int32, len(margins))
	totals := make([]float64, len(margins))
	for m, mg := range margins {
		size := 1
		for k, d := range mg.Dims {
			if d < 0 || d >= len(shape) || (k > 0 && d <= mg.Dims[k-1]) {
				return nil, FitReport{}, fmt.Errorf("workforce: fit: margin %d: dimensions %v are not distinct, sorted dimensions of shape %v: %w", m, mg.Dims, shape, ErrShape)
			}
			size *= shape[d]
		}
		if len(mg.Values) != size {
			return nil, FitReport{}, fmt.Errorf("workforce: fit: margin %d has %d values, want %d: %w", m, len(mg.Values), size, ErrShape)
		}
		for k, v := range mg.Values {
			if !finiteNonNeg(v) {
				return nil, FitReport{}, fmt.Errorf("workforce: fit: margin %d value %d = %v: %w", m, k, v, ErrBadValue)
			}
			totals[m] += v
		}
		if math.IsInf(totals[m], 0) {
			return nil, FitReport{}, fmt.Errorf("workforce: fit: margin %d sums to %v: %w", m, totals[m], ErrBadValue)
		}
		idx[m] = marginIndex(shape, mg.Dims, n)
	}
	if err := consistentN(shape, margins, idx, totals, n); err != nil {
		return nil, FitReport{}, err
	}
	x := slices.Clone(seed)
	rescale(x)
	sums := make([][]float64, len(margins))
	for m, mg := range margins {
		sums[m] = make([]float64, len(mg.Values))
		for c, v := range x {
			sums[m][idx[m][c]] += v
		}
		for k, s := range sums[m] {
			if s == 0 && mg.Values[k] > 0 {
				return nil, FitReport{}, fmt.Errorf("workforce: fit: margin %d cell %d has target %v but no non-zero seed cell: %w", m, k, mg.Values[k], ErrInfeasible)
			}
		}
	}
	total := totals[0]
	if total == 0 {
		clear(x)
		return x, FitReport{Converged: true}, nil
	}
	limit := tol * total
	var rep FitReport
	deviation := func(m int) float64 {
		s := sums[m]
		clear(s)
		for c, v := range x {
			s[idx[m][c]] += v
		}
		dev := 0.0
		for k, t := range margins[m].Values {
			dev = math.Max(dev, math.Abs(s[k]-t))
		}
		return dev
	}
	for rep.Iterations < maxIter {
		rep.Iterations++
		dev := 0.0
		for m, mg := range margins {
			dev = math.Max(dev, deviation(m))
			s := sums[m]
			for k, t := range mg.Values {
				if s[k] > 0 {
					s[k] = t / s[k]
				}
			}
			im := idx[m]
			for c := range x {
				x[c] *= s[im[c]]
			}
		}
		if dev <= limit {
			break
		}
	}
	dev := 0.0
	for m := range margins {
		dev = math.Max(dev, deviation(m))
	}
	rep.MaxError = dev / total
	rep.Converged = dev <= limit
	if !rep.Converged {
		return x, rep, fmt.Errorf("workforce: fit: %d iterations left a margin error of %.3g of the total: %w", rep.Iterations, rep.MaxError, ErrNotConverged)
	}
	return x, rep, nil
}

// rescale divides x by its largest cell if its sum overflows float64, so
// that margin sums stay finite; the fit does not depend on the seed's scale.
func rescale(x []float64) {
	sum, top := 0.0, 0.0
	for _, v := range x {
		sum += v
		top = math.Max(top, v)
	}
	if math.IsInf(sum, 1) {
		for k := range x {
			x[k] /= top
		}
	}
}

// marginIndex maps each of the n cells of an array of the given shape to
// its index in the margin over dims.
func marginIndex(shape, dims []int, n int) []int32 {
	// stride of each array dimension within the margin (0 if summed out)
	stride := make([]int, len(shape))
	s := 1
	for k := len(dims) - 1; k >= 0; k-- {
		stride[dims[k]] = s
		s *= shape[dims[k]]
	}
	out := make([]int32, n)
	pos := make([]int, len(shape))
	cur := 0
	for c := range n {
		out[c] = int32(cur)
		for d := len(shape) - 1; d >= 0; d-- { // odometer
			pos[d]++
			cur += stride[d]
			if pos[d] < shape[d] {
				break
			}
			cur -= stride[d] * pos[d]
			pos[d] = 0
		}
	}
	return out
}

// consistentN checks that every pair of margins agrees on the dimensions
// they share (on the grand total when they share none).
func consistentN(shape []int, margins []Margin, idx [][]int32, totals []float64, n int) error {
	for a := range margins {
		for b := a + 1; b < len(margins); b++ {
			var common []int
			for _, d := range margins[a].Dims {
				if slices.Contains(margins[b].Dims, d) {
					common = append(common, d)
				}
			}
			ic := marginIndex(shape, common, n)
			size := 1
			for _, d := range common {
				size *= shape[d]
			}
			sa, sb := subMargin(margins[a].Values, idx[a], ic, size), subMargin(margins[b].Values, idx[b], ic, size)
			for k := range sa {
				if math.Abs(sa[k]-sb[k]) > 1e-9*math.Max(totals[a], totals[b]) {
					return fmt.Errorf("workforce: fit: margins %d and %d disagree over dimensions %v (cell %d: %v vs %v): %w", a, b, common, k, sa[k], sb[k], ErrInconsistent)
				}
			}
		}
	}
	return nil
}

func subMargin(values []float64, im, ic []int32, size int) []float64 {
	out := make([]float64, size)
	seen := make([]bool, len(values))
	for c, k := range im {
		if !seen[k] {
			seen[k] = true
			out[ic[c]] += values[k]
		}
	}
	return out
}
