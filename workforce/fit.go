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
// Only ratios within the seed matter, and a fit scales with its targets:
// seeds and targets of any finite size are brought near 1 by powers of
// two (exactly) before fitting, and a factor that would overflow (a cell
// below 2⁻¹⁰²⁴ of its target) is applied as v/s·t. A fitted cell beyond
// the float64 range (targets near 1.8e308) is an error wrapping
// [ErrBadValue].
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
	if err := checkTargets(rows, cols); err != nil {
		return nil, FitReport{}, err
	}
	x := slices.Clone(seed.v)
	buf := make([]float64, fitScratch(r, c)+r+c)
	orows, ocols := rows, cols // for messages
	rows, cols, back := normalTargets(rows, cols, buf[fitScratch(r, c):])
	// One pass for the row and column sums, which the first iteration needs
	// anyway, and which also find missing cells, zeros and overflow.
	rs, cs := buf[:r], buf[r:r+c]
	zeros := sums2(x, r, c, rs, cs)
	total := 0.0
	for _, s := range rs {
		total += s
	}
	if math.IsNaN(total) {
		return nil, FitReport{}, seed.missing("fit: seed")
	}
	if math.IsInf(total, 1) || slices.ContainsFunc(cs, func(s float64) bool { return math.IsInf(s, 1) }) || !normal(total) {
		rescale(x) // rare: the seed's scale does not matter
		zeros = sums2(x, r, c, rs, cs)
	}
	if err := feasible2(rs, cs, orows, ocols, seed.rows, seed.cols); err != nil {
		return nil, FitReport{}, err
	}
	if zeros && !reachable2(x, r, c, rows, cols) {
		return nil, FitReport{}, fmt.Errorf("workforce: fit: no table with the seed's zero cells has these row and column totals: %w", ErrInfeasible)
	}
	rep := fit2Sums(x, r, c, rows, cols, tol, maxIter, buf)
	if err := scaleBack(x, back); err != nil {
		return nil, FitReport{}, err
	}
	out := seed.with(x)
	if !rep.Converged {
		return out, rep, fmt.Errorf("workforce: fit: %d iterations left a margin error of %.3g of the total: %w", rep.Iterations, rep.MaxError, ErrNotConverged)
	}
	return out, rep, nil
}

// sums2 writes the row and column sums of the r×c row-major x into rs and
// cs and reports whether any cell is zero.
func sums2(x []float64, r, c int, rs, cs []float64) (zeros bool) {
	clear(cs)
	for i := range r {
		row := x[i*c : (i+1)*c]
		cs := cs[:len(row)]
		s := 0.0
		for j, v := range row {
			s += v
			cs[j] += v
			if v == 0 {
				zeros = true
			}
		}
		rs[i] = s
	}
	return zeros
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

// feasible2 checks that no row or column with a positive target has a
// seed sum (rs, cs) of zero.
func feasible2(rs, cs, rows, cols []float64, rl, cl []string) error {
	for i, s := range rs {
		if s == 0 && rows[i] > 0 {
			return fmt.Errorf("workforce: fit: row %q has target %v but no non-zero seed cell: %w", rl[i], rows[i], ErrInfeasible)
		}
	}
	for j, s := range cs {
		if s == 0 && cols[j] > 0 {
			return fmt.Errorf("workforce: fit: column %q has target %v but no non-zero seed cell: %w", cl[j], cols[j], ErrInfeasible)
		}
	}
	return nil
}

// fitScratch is the length of the scratch buffer fit2 needs for an r×c
// table.
func fitScratch(r, c int) int { return r + 2*c }

// fit2 runs RAS in place on the r×c row-major x. buf should have
// fitScratch(r, c) elements; a shorter one is replaced, on the stack for
// small tables (such as 21 sectors × 4 skill levels), else on the heap.
func fit2(x []float64, r, c int, rows, cols []float64, tol float64, maxIter int, buf []float64) FitReport {
	var stack [128]float64
	if n := fitScratch(r, c); len(buf) < n {
		if n <= len(stack) {
			buf = stack[:n]
		} else {
			buf = make([]float64, n)
		}
	}
	sums2(x, r, c, buf[:r], buf[r:r+c])
	return fit2Sums(x, r, c, rows, cols, tol, maxIter, buf)
}

// fit2Sums is fit2 with the row sums of x already in buf[:r].
//
// Each iteration scales the rows to their targets, then the columns, and
// stops when every row and column total is within tol·total of its
// target, as the textbook algorithm does; but it does so in two passes
// over the cells instead of five: the row pass also sums the columns, and
// the column pass sums the rows and the columns again for the convergence
// test (whose row sums the next row pass then uses). The sums are
// accumulated in the same order as the textbook's, so the iterates and the
// number of iterations are the same.
func fit2Sums(x []float64, r, c int, rows, cols []float64, tol float64, maxIter int, buf []float64) FitReport {
	rs, cs, g := buf[:r], buf[r:r+c], buf[r+c:r+2*c]
	total := 0.0
	for _, t := range rows {
		total += t
	}
	if total == 0 {
		clear(x)
		return FitReport{Converged: true}
	}
	limit := tol * total
	if c == 4 {
		return fit2Sums4(x, r, rows, cols, limit, total, maxIter, buf)
	}
	var rep FitReport
	dev := math.Inf(1)
	for rep.Iterations < maxIter {
		rep.Iterations++
		// Rows to their targets, summing the columns.
		clear(cs)
		for i := range r {
			row := x[i*c : (i+1)*c]
			cs := cs[:len(row)]
			if s := rs[i]; s > 0 {
				f := rows[i] / s
				if f > math.MaxFloat64 { // cells too small for their target: v/s·t
					f = 1
					for j, v := range row {
						row[j] = v / s * rows[i]
					}
				}
				for j, v := range row {
					v *= f
					row[j] = v
					cs[j] += v
				}
			}
		}
		// Columns to their targets, summing rows and columns.
		huge := false
		for j, s := range cs {
			g[j] = 1
			if s > 0 {
				g[j] = cols[j] / s
				huge = huge || g[j] > math.MaxFloat64
			}
		}
		if huge { // cells too small for their target: v/s·t, then g = 1
			hugeCols(x, r, c, cols, cs, g)
		}
		clear(cs)
		dev = 0
		for i := range r {
			row := x[i*c : (i+1)*c]
			cs, g := cs[:len(row)], g[:len(row)]
			s := 0.0
			for j, v := range row {
				v *= g[j]
				row[j] = v
				s += v
				cs[j] += v
			}
			rs[i] = s
			dev = max(dev, math.Abs(s-rows[i]))
		}
		for j, s := range cs {
			dev = max(dev, math.Abs(s-cols[j]))
		}
		if dev <= limit {
			break
		}
	}
	rep.MaxError = dev / total
	rep.Converged = dev <= limit
	return rep
}

// fit2Sums4 is fit2Sums for four columns (sectors × skill levels, the
// fit in every draw of [NewHeadcount]), with the column sums and factors in
// registers. It performs the same floating-point operations in the same
// order as the general loop, so its iterates are bit-identical to it; only
// bounds checks and loads are saved (issue 12 §5).
func fit2Sums4(x []float64, r int, rows, cols []float64, limit, total float64, maxIter int, buf []float64) FitReport {
	rs := buf[:r]
	x = x[:4*r]
	rows = rows[:r]
	cols = cols[:4]
	var rep FitReport
	dev := math.Inf(1)
	for rep.Iterations < maxIter {
		rep.Iterations++
		// Rows to their targets, summing the columns.
		var c0, c1, c2, c3 float64
		for i := range r {
			row := x[4*i : 4*i+4 : 4*i+4]
			s := rs[i]
			if !(s > 0) {
				continue
			}
			f := rows[i] / s
			if f > math.MaxFloat64 { // cells too small for their target: v/s·t
				f = 1
				for j, v := range row {
					row[j] = v / s * rows[i]
				}
			}
			v0, v1, v2, v3 := row[0]*f, row[1]*f, row[2]*f, row[3]*f
			row[0], row[1], row[2], row[3] = v0, v1, v2, v3
			c0 += v0
			c1 += v1
			c2 += v2
			c3 += v3
		}
		// Columns to their targets, summing rows and columns.
		cs := [4]float64{c0, c1, c2, c3}
		g := [4]float64{1, 1, 1, 1}
		huge := false
		for j, s := range cs {
			if s > 0 {
				g[j] = cols[j] / s
				huge = huge || g[j] > math.MaxFloat64
			}
		}
		if huge { // cells too small for their target: v/s·t, then g = 1
			hugeCols(x, r, 4, cols, cs[:], g[:])
		}
		g0, g1, g2, g3 := g[0], g[1], g[2], g[3]
		c0, c1, c2, c3 = 0, 0, 0, 0
		dev = 0
		for i := range r {
			row := x[4*i : 4*i+4 : 4*i+4]
			v0, v1, v2, v3 := row[0]*g0, row[1]*g1, row[2]*g2, row[3]*g3
			row[0], row[1], row[2], row[3] = v0, v1, v2, v3
			s := 0.0
			s += v0
			s += v1
			s += v2
			s += v3
			c0 += v0
			c1 += v1
			c2 += v2
			c3 += v3
			rs[i] = s
			dev = max(dev, math.Abs(s-rows[i]))
		}
		dev = max(dev, math.Abs(c0-cols[0]))
		dev = max(dev, math.Abs(c1-cols[1]))
		dev = max(dev, math.Abs(c2-cols[2]))
		dev = max(dev, math.Abs(c3-cols[3]))
		if len(buf) >= r+4 {
			buf[r], buf[r+1], buf[r+2], buf[r+3] = c0, c1, c2, c3
		}
		if dev <= limit {
			break
		}
	}
	rep.MaxError = dev / total
	rep.Converged = dev <= limit
	return rep
}

// hugeCols scales the columns j whose factor g[j] = cols[j]/cs[j]
// overflows as v/cs[j]·cols[j], and sets their g[j] to 1.
func hugeCols(x []float64, r, c int, cols, cs, g []float64) {
	for j := range c {
		if g[j] <= math.MaxFloat64 {
			continue
		}
		for i := range r {
			x[i*c+j] = x[i*c+j] / cs[j] * cols[j]
		}
		g[j] = 1
	}
}

// normal reports whether a positive total is within [2^-500, 2^500],
// where a fit's sums and factors cannot overflow or lose precision to
// subnormals.
func normal(total float64) bool { return total == 0 || (total >= 0x1p-500 && total <= 0x1p500) }

// normalTargets returns the targets rows and cols, if their total is not
// [normal], multiplied by the power of two that brings it near 1, in buf
// (len(rows)+len(cols) elements), and the exponent to scale the fitted
// cells back by; a fit is homogeneous in its targets, and powers of two
// are exact.
func normalTargets(rows, cols, buf []float64) (r, c []float64, back int) {
	total := 0.0
	for _, t := range rows {
		total += t
	}
	if normal(total) {
		return rows, cols, 0
	}
	back = math.Ilogb(total)
	r, c = buf[:len(rows)], buf[len(rows):len(rows)+len(cols)]
	for i, t := range rows {
		r[i] = math.Ldexp(t, -back)
	}
	for j, t := range cols {
		c[j] = math.Ldexp(t, -back)
	}
	return r, c, back
}

// scaleBack multiplies x by 2^back. A cell that then overflows (a target
// near the largest float64, fitted to within the tolerance above it) is an
// error wrapping [ErrBadValue].
func scaleBack(x []float64, back int) error {
	if back == 0 {
		return nil
	}
	for k, v := range x {
		x[k] = math.Ldexp(v, back)
		if math.IsInf(x[k], 1) {
			return fmt.Errorf("workforce: fit: cell %d, fitted to targets totalling about 2^%d, is beyond the float64 range: %w", k, back, ErrBadValue)
		}
	}
	return nil
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
// always terminates. Scale is handled as by [Fit]. Each iteration adjusts
// the margins in the order given and stops, as the textbook algorithm
// does, once every margin is within the tolerance.
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
	}
	if err := consistentN(shape, margins, totals); err != nil {
		return nil, FitReport{}, err
	}
	x := slices.Clone(seed)
	rescale(x)
	back, orig := 0, margins // orig for messages
	if !normal(totals[0]) {
		back = math.Ilogb(totals[0])
		scaled := make([]Margin, len(margins))
		for m, mg := range margins {
			scaled[m] = Margin{Dims: mg.Dims, Values: make([]float64, len(mg.Values))}
			for k, t := range mg.Values {
				scaled[m].Values[k] = math.Ldexp(t, -back)
			}
			totals[m] = math.Ldexp(totals[m], -back)
		}
		margins = scaled
	}
	x, rep, err := fitN(x, shape, margins, orig, totals, n, tol, maxIter)
	if err := scaleBack(x, back); err != nil {
		return nil, FitReport{}, err
	}
	return x, rep, err
}

// fitN is FitN after validation, on the copy x.
func fitN(x []float64, shape []int, margins, orig []Margin, totals []float64, n int, tol float64, maxIter int) ([]float64, FitReport, error) {
	if len(shape) == 2 && len(margins) == 2 && slices.Equal(margins[0].Dims, []int{0}) && slices.Equal(margins[1].Dims, []int{1}) {
		return fitN2(x, shape[0], shape[1], margins[0].Values, margins[1].Values, orig, tol, maxIter)
	}
	lay := newLayout(shape, margins, n)
	sums := make([][]float64, len(margins))
	size := 0
	for m, mg := range margins {
		sums[m] = make([]float64, len(mg.Values))
		size = max(size, len(mg.Values))
		lay.sum(x, m, sums[m])
		for k, s := range sums[m] {
			if s == 0 && mg.Values[k] > 0 {
				return nil, FitReport{}, infeasibleN(m, k, orig[m].Values[k])
			}
		}
	}
	total := totals[0]
	if total == 0 {
		clear(x)
		return x, FitReport{Converged: true}, nil
	}
	limit := tol * total
	f := make([]float64, size)
	var rep FitReport
	dev := math.Inf(1)
	last := len(margins) - 1
	for rep.Iterations < maxIter {
		rep.Iterations++
		// Each margin in turn to its targets; the pass that scales margin m
		// sums margin m+1, which the next step needs, and the last margin's
		// pass sums the last margin itself, for the convergence test.
		for m, mg := range margins {
			f := f[:len(mg.Values)]
			huge := false
			for k, t := range mg.Values {
				f[k] = 1
				if s := sums[m][k]; s > 0 {
					f[k] = t / s
					huge = huge || f[k] > math.MaxFloat64
				}
			}
			if huge { // cells too small for their target: v/s·t, then f = 1
				lay.hugeFactors(x, m, sums[m], mg.Values, f)
			}
			next := min(m+1, last)
			clear(sums[next])
			lay.scaleSum(x, m, f, next, sums[next])
		}
		// The convergence test, as the textbook's: every margin of the
		// array as it is now. The first margin's sums serve the next
		// iteration too.
		for m := range last {
			lay.sum(x, m, sums[m])
		}
		dev = 0
		for m, mg := range margins {
			for k, t := range mg.Values {
				dev = max(dev, math.Abs(sums[m][k]-t))
			}
		}
		if dev <= limit {
			break
		}
	}
	rep.MaxError = dev / total
	rep.Converged = dev <= limit
	if !rep.Converged {
		return x, rep, notConvergedN(rep)
	}
	return x, rep, nil
}

func infeasibleN(m, k int, t float64) error {
	return fmt.Errorf("workforce: fit: margin %d cell %d has target %v but no non-zero seed cell: %w", m, k, t, ErrInfeasible)
}

func notConvergedN(rep FitReport) error {
	return fmt.Errorf("workforce: fit: %d iterations left a margin error of %.3g of the total: %w", rep.Iterations, rep.MaxError, ErrNotConverged)
}

// fitN2 is FitN of an r×c array x (rescaled) to its row and column totals:
// the two-pass loop of [Fit].
func fitN2(x []float64, r, c int, rows, cols []float64, orig []Margin, tol float64, maxIter int) ([]float64, FitReport, error) {
	buf := make([]float64, fitScratch(r, c))
	rs, cs := buf[:r], buf[r:r+c]
	sums2(x, r, c, rs, cs)
	for i, s := range rs {
		if s == 0 && rows[i] > 0 {
			return nil, FitReport{}, infeasibleN(0, i, orig[0].Values[i])
		}
	}
	for j, s := range cs {
		if s == 0 && cols[j] > 0 {
			return nil, FitReport{}, infeasibleN(1, j, orig[1].Values[j])
		}
	}
	rep := fit2Sums(x, r, c, rows, cols, tol, maxIter, buf)
	if !rep.Converged {
		return x, rep, notConvergedN(rep)
	}
	return x, rep, nil
}

// A layout walks an array in blocks of L consecutive cells that every
// margin either keeps whole (the block's cells go to L consecutive margin
// cells) or sums (they all go to one margin cell), so that the inner loops
// run over contiguous memory with no per-cell index: the block is the
// trailing dimensions over which every margin keeps or sums throughout
// (dimensions of size 1 fit either way).
type layout struct {
	L    int       // cells per block
	kept []bool    // per margin: whether it keeps the block's dimensions
	base [][]int32 // per margin and block: the margin cell of its first cell
}

func newLayout(shape []int, margins []Margin, n int) *layout {
	lay := &layout{L: 1, kept: make([]bool, len(margins)), base: make([][]int32, len(margins))}
	tail := len(shape) // the block is shape[tail:]
	decided := false
	for d := len(shape) - 1; d >= 0; d-- {
		if shape[d] > 1 {
			if !decided {
				for m, mg := range margins {
					lay.kept[m] = slices.Contains(mg.Dims, d)
				}
				decided = true
			} else if !lay.uniform(margins, d) {
				break
			}
		}
		tail = d
		lay.L *= shape[d]
	}
	for m, mg := range margins {
		// the stride of each dimension within margin m (0 if summed out)
		stride := make([]int, len(shape))
		s := 1
		for k := len(mg.Dims) - 1; k >= 0; k-- {
			stride[mg.Dims[k]] = s
			s *= shape[mg.Dims[k]]
		}
		lay.base[m] = marginIndex(shape[:tail], stride[:tail], n/lay.L)
	}
	return lay
}

// uniform reports whether every margin keeps dimension d as it keeps the
// block.
func (lay *layout) uniform(margins []Margin, d int) bool {
	for m, mg := range margins {
		if slices.Contains(mg.Dims, d) != lay.kept[m] {
			return false
		}
	}
	return true
}

// sum writes the sums of x over margin m into s.
func (lay *layout) sum(x []float64, m int, s []float64) {
	clear(s)
	L, base := lay.L, lay.base[m]
	for b, k := range base {
		blk := x[b*L : (b+1)*L]
		if lay.kept[m] {
			s := s[k : int(k)+L]
			for j, v := range blk {
				s[j] += v
			}
			continue
		}
		acc := 0.0
		for _, v := range blk {
			acc += v
		}
		s[k] += acc
	}
}

// hugeFactors scales the cells of margin m's cells k whose factor f[k] =
// t[k]/s[k] overflows as v/s[k]·t[k], and sets their f[k] to 1.
func (lay *layout) hugeFactors(x []float64, m int, s, t, f []float64) {
	L := lay.L
	for b, base := range lay.base[m] {
		for j := range L {
			k := int(base)
			if lay.kept[m] {
				k += j
			}
			if f[k] > math.MaxFloat64 {
				x[b*L+j] = x[b*L+j] / s[k] * t[k]
			}
		}
	}
	for k := range f {
		if f[k] > math.MaxFloat64 {
			f[k] = 1
		}
	}
}

// scaleSum multiplies each cell of x by f at its cell of margin a, and
// adds the products to s at their cells of margin b.
func (lay *layout) scaleSum(x []float64, a int, f []float64, b int, s []float64) {
	L, ka, kb := lay.L, lay.kept[a], lay.kept[b]
	for blkNo, ia := range lay.base[a] {
		ib := lay.base[b][blkNo]
		blk := x[blkNo*L : (blkNo+1)*L]
		switch {
		case ka && kb:
			f, s := f[ia:int(ia)+L], s[ib:int(ib)+L]
			for j, v := range blk {
				v *= f[j]
				blk[j] = v
				s[j] += v
			}
		case ka:
			f := f[ia : int(ia)+L]
			acc := 0.0
			for j, v := range blk {
				v *= f[j]
				blk[j] = v
				acc += v
			}
			s[ib] += acc
		case kb:
			g, s := f[ia], s[ib:int(ib)+L]
			for j, v := range blk {
				v *= g
				blk[j] = v
				s[j] += v
			}
		default:
			g, acc := f[ia], 0.0
			for j, v := range blk {
				v *= g
				blk[j] = v
				acc += v
			}
			s[ib] += acc
		}
	}
}

// rescale brings the sum of x near 1 if it overflows float64 or is not
// [normal], so that margin sums stay finite and factors do not overflow;
// the fit does not depend on the seed's scale. An overflowing x is first
// divided by its largest cell, sought only then: the usual pass is a plain
// sum. Other scaling is by a power of two, which is exact.
func rescale(x []float64) {
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	if math.IsInf(sum, 1) {
		top := 0.0
		for _, v := range x {
			top = max(top, v)
		}
		sum = 0
		for k := range x {
			x[k] /= top
			sum += x[k]
		}
	}
	if !normal(sum) {
		e := math.Ilogb(sum)
		for k, v := range x {
			x[k] = math.Ldexp(v, -e)
		}
	}
}

// marginIndex maps each of the n cells of an array of the given shape to
// its index in a margin in which dimension d has the given stride (0 if
// the margin sums it out).
func marginIndex(shape, stride []int, n int) []int32 {
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
// they share (on the grand total when they share none). It works on the
// margins' values alone, in time proportional to their sizes, not to the
// array's.
func consistentN(shape []int, margins []Margin, totals []float64) error {
	for a := range margins {
		for b := a + 1; b < len(margins); b++ {
			var common []int
			for _, d := range margins[a].Dims {
				if slices.Contains(margins[b].Dims, d) {
					common = append(common, d)
				}
			}
			sa, sb := subMargin(shape, margins[a], common), subMargin(shape, margins[b], common)
			for k := range sa {
				if math.Abs(sa[k]-sb[k]) > 1e-9*math.Max(totals[a], totals[b]) {
					return fmt.Errorf("workforce: fit: margins %d and %d disagree over dimensions %v (cell %d: %v vs %v): %w", a, b, common, k, sa[k], sb[k], ErrInconsistent)
				}
			}
		}
	}
	return nil
}

// subMargin sums margin mg's values over its dimensions not in common,
// giving the margin over common.
func subMargin(shape []int, mg Margin, common []int) []float64 {
	sub := make([]int, len(mg.Dims))    // mg's own shape
	stride := make([]int, len(mg.Dims)) // of each of mg's dimensions in the result
	size := 1
	for k := len(mg.Dims) - 1; k >= 0; k-- {
		sub[k] = shape[mg.Dims[k]]
		if slices.Contains(common, mg.Dims[k]) {
			stride[k] = size
			size *= sub[k]
		}
	}
	out := make([]float64, size)
	for k, i := range marginIndex(sub, stride, len(mg.Values)) {
		out[i] += mg.Values[k]
	}
	return out
}
