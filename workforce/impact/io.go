package impact

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// negTol is how far below zero, relative to the largest element, an
// element of a computed Leontief inverse may fall by rounding before it
// counts as negative: for a productive A every element is ≥ 0 in exact
// arithmetic, and rounding leaves elements that should be 0 at about
// 1e-16 of the largest.
const negTol = 1e-10

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkNonNeg reports the first element of m that is negative (NaN and
// ±Inf cannot occur in a Matrix), naming what m is.
func checkNonNeg(op, what string, m Matrix) error {
	for k, x := range m.v {
		if x < 0 {
			return fmt.Errorf("impact: %s: %s (%d, %d) is %g, negative: %w", op, what, k/m.c, k%m.c, x, ErrBadValue)
		}
	}
	return nil
}

// checkVec reports an element of x that is NaN, ±Inf or negative.
func checkVec(op, what string, x []float64) error {
	for j, v := range x {
		if !finite(v) || v < 0 {
			return fmt.Errorf("impact: %s: %s[%d] is %g: %w", op, what, j, v, ErrBadValue)
		}
	}
	return nil
}

// Coefficients returns the input coefficients of flows z (m × n) per unit
// of output x (length n): A = Z x̂⁻¹, aᵢⱼ = zᵢⱼ / xⱼ. For an industry ×
// industry flow table these are the technical coefficients; for a product
// × industry use table, the input structure B of each industry. A column
// with zero output and no inputs gets zero coefficients.
//
// Errors wrap [ErrShape] (len(x) is not the number of columns),
// [ErrBadValue] (a negative flow, an output that is negative, NaN or ±Inf,
// or a zero output with non-zero inputs; the message names the cell or
// column and its value).
func Coefficients(z Matrix, x []float64) (Matrix, error) {
	const op = "coefficients"
	if len(x) != z.c {
		return Matrix{}, fmt.Errorf("impact: %s: %d × %d flows and %d outputs: %w", op, z.r, z.c, len(x), ErrShape)
	}
	if err := checkNonNeg(op, "flow", z); err != nil {
		return Matrix{}, err
	}
	if err := checkVec(op, "output", x); err != nil {
		return Matrix{}, err
	}
	a := Matrix{r: z.r, c: z.c, v: make([]float64, len(z.v))}
	for j, xj := range x {
		for i := range z.r {
			f := z.v[i*z.c+j]
			switch {
			case f == 0:
			case xj == 0:
				return Matrix{}, fmt.Errorf("impact: %s: column %d has zero output but an input of %g in row %d: %w", op, j, f, i, ErrBadValue)
			default:
				a.v[i*z.c+j] = f / xj
			}
		}
	}
	return a, nil
}

// toDense returns m as a gonum matrix.
func toDense(m Matrix) *mat.Dense { return mat.NewDense(m.r, m.c, append([]float64(nil), m.v...)) }

// Leontief returns the Leontief inverse L = (I − A)⁻¹ of a square,
// non-negative coefficient matrix A, computed by LU factorisation (gonum's
// mat.Dense.Inverse). Output x that meets final demand f is x = L·f.
//
// A is productive (some non-negative output meets any non-negative final
// demand) exactly when its spectral radius ρ(A) is below 1, and then every
// element of L is non-negative (the Hawkins–Simon
// conditions). So a negative element of L is the test: a column sum of A above 1
// alone does not prove ρ(A) ≥ 1. Elements that rounding leaves just below
// zero (above −1e-10 times the largest element) are set to 0, once
// x = L·1 shows x − A·x ≥ ½ for x > 0 (exactly 1 in exact arithmetic), a
// certificate that ρ(A) < 1.
//
// Errors wrap [ErrShape] (A not square, or empty), [ErrBadValue] (a
// negative coefficient, naming the cell), [ErrSingular] (I − A singular or
// with a condition number above 1e16, naming it) or [ErrNotProductive]
// (naming the negative element of L and the spectral radius of A).
func Leontief(a Matrix) (Matrix, error) {
	const op = "leontief"
	if a.r != a.c || a.r == 0 {
		return Matrix{}, fmt.Errorf("impact: %s: coefficient matrix is %d × %d, not square: %w", op, a.r, a.c, ErrShape)
	}
	if err := checkNonNeg(op, "coefficient", a); err != nil {
		return Matrix{}, err
	}
	n := a.r
	ima := mat.NewDense(n, n, nil)
	for i := range n {
		for j := range n {
			v := -a.v[i*n+j]
			if i == j {
				v++
			}
			ima.Set(i, j, v)
		}
	}
	var inv mat.Dense
	if err := inv.Inverse(ima); err != nil {
		var c mat.Condition
		if errors.As(err, &c) {
			return Matrix{}, fmt.Errorf("impact: %s: I − A is singular (condition number %s; spectral radius of A %s): %w", op, fmtCond(float64(c)), fmtRadius(a), ErrSingular)
		}
		return Matrix{}, fmt.Errorf("impact: %s: %w: %w", op, ErrSingular, err)
	}
	l := Matrix{r: n, c: n, v: make([]float64, n*n)}
	big := 1.0
	for _, x := range inv.RawMatrix().Data {
		big = math.Max(big, math.Abs(x))
	}
	for i := range n {
		for j := range n {
			x := inv.At(i, j)
			if !finite(x) {
				return Matrix{}, fmt.Errorf("impact: %s: L (%d, %d) is %g: %w", op, i, j, x, ErrSingular)
			}
			if x < 0 {
				if x < -negTol*big {
					return Matrix{}, fmt.Errorf("impact: %s: L (%d, %d) is %.6g < 0, so A is not productive (spectral radius %s ≥ 1): %w", op, i, j, x, fmtRadius(a), ErrNotProductive)
				}
				x = 0
			}
			l.v[i*n+j] = x
		}
	}
	// A certificate that A is productive, so that the rounding negatives
	// set to 0 above were rounding: with x = L·1 > 0, (I − A)·x = 1 in
	// exact arithmetic, and x − A·x > 0 for some x > 0 proves ρ(A) < 1
	// (Collatz–Wielandt). Demand half of that margin.
	x := l.RowSums()
	for i := range n {
		ax := 0.0
		for j := range n {
			ax += a.v[i*n+j] * x[j]
		}
		if !(x[i] > 0) || !(x[i]-ax >= 0.5) {
			return Matrix{}, fmt.Errorf("impact: %s: row %d of L fails (I − A)·L·1 = 1 (x = %.6g, x − A·x = %.6g), so A is not productive (spectral radius %s): %w", op, i, x[i], x[i]-ax, fmtRadius(a), ErrNotProductive)
		}
	}
	return l, nil
}

func fmtCond(c float64) string {
	if math.IsInf(c, 1) {
		return "infinite"
	}
	return strconv.FormatFloat(c, 'g', 3, 64)
}

// SpectralRadius returns ρ(A), the largest modulus of an eigenvalue of the
// square matrix a (gonum's mat.Eigen), for diagnostics: A is productive
// when ρ(A) < 1. The error wraps [ErrShape] (not square, or empty) or
// [ErrBadValue] (the eigenvalue iteration did not converge, or failed).
func SpectralRadius(a Matrix) (rho float64, err error) {
	if a.r != a.c || a.r == 0 {
		return 0, fmt.Errorf("impact: spectral radius: matrix is %d × %d, not square: %w", a.r, a.c, ErrShape)
	}
	// gonum's eigenvalue code panics on some matrices of extreme values
	// ("lapack: bad length of wr", found by FuzzLeontief): that is a failed
	// computation, reported as an error, never a panic in the caller.
	defer func() {
		if r := recover(); r != nil {
			rho, err = 0, fmt.Errorf("impact: spectral radius: the eigenvalue computation failed (%v): %w", r, ErrBadValue)
		}
	}()
	var e mat.Eigen
	if !e.Factorize(toDense(a), mat.EigenNone) {
		return 0, fmt.Errorf("impact: spectral radius: eigenvalues did not converge: %w", ErrBadValue)
	}
	for _, v := range e.Values(nil) {
		rho = math.Max(rho, cmplx.Abs(v))
	}
	return rho, nil
}

func fmtRadius(a Matrix) string {
	rho, err := SpectralRadius(a)
	if err != nil {
		return "unknown"
	}
	return strconv.FormatFloat(rho, 'g', 6, 64)
}

// A Technology is the assumption that turns a supply and use table, whose
// industries may make several products, into a symmetric input–output
// table (Eurostat, Manual of Supply, Use and Input-Output Tables, 2008,
// ch. 11). The zero Technology is invalid; [DefaultTechnology] is the
// fixed product sales structure.
type Technology int

const (
	// TechnologyUnknown is the invalid zero value.
	TechnologyUnknown Technology = iota
	// FixedProductSales is Eurostat's Model D: an industry × industry
	// table in which each product has its own sales structure, whichever
	// industry makes it. With V the supply (make) table of industries ×
	// products, q product output and g industry output: D = V q̂⁻¹ (market
	// shares), B = U_d ĝ⁻¹ and A = D·B. It needs no matrix inversion and
	// never gives negative coefficients; Eurostat recommends it for
	// industry × industry tables, and Miller and Blair (2009, ch. 5) call
	// it the industry-based technology.
	FixedProductSales
	// IndustryTechnology is Eurostat's Model B: a product × product table
	// under the industry technology assumption (each industry has the same
	// input structure for all its products): A = B·D, with B and D as for
	// FixedProductSales. Its rows and columns are products, not
	// industries.
	IndustryTechnology
)

// DefaultTechnology is the technology assumption of the default
// multipliers: [FixedProductSales], Eurostat's Model D.
const DefaultTechnology = FixedProductSales

// String returns the assumption's name and its Eurostat model letter.
func (t Technology) String() string {
	switch t {
	case FixedProductSales:
		return "fixed product sales structure (Eurostat Model D, industry × industry)"
	case IndustryTechnology:
		return "industry technology (Eurostat Model B, product × product)"
	}
	return "Technology(" + strconv.Itoa(int(t)) + ")"
}

// Valid reports whether t is a known technology assumption.
func (t Technology) Valid() bool { return t == FixedProductSales || t == IndustryTechnology }

// A SUT is a supply and use table at basic prices for the domestic
// economy: n products (rows) by n industries (columns), the supply
// (make) table V, the use of domestic output U_d, and each industry's
// gross value added and compensation of employees. Product and industry i
// are the same section. Units are the caller's (the embedded 2019 table is
// in million roubles).
//
// A SUT is immutable and safe for concurrent use. The zero SUT is empty.
type SUT struct {
	labels      []string
	use, supply Matrix
	va, comp    []float64
	q, g, fd    []float64 // product output, industry output, final demand for domestic products
	dmat, bmat  Matrix    // market shares (industry × product), input structure (product × industry)
}

// NewSUT returns a supply and use table with the given section labels
// (one per product and industry, in order), domestic use U_d and supply V
// (both products × industries), and value added and compensation of
// employees by industry. Product output q is the row sums of V, industry
// output g its column sums, and final demand for domestic products
// f = q − U_d·1.
//
// Errors wrap [ErrShape] (matrices that are not n × n for n labels,
// vectors not of length n) or [ErrBadValue] (a negative flow or supply,
// a negative or non-finite value added or compensation, an industry with
// zero output but inputs, a product used more than it is supplied, so
// that its final demand would be negative; each names the cell).
func NewSUT(labels []string, use, supply Matrix, valueAdded, compensation []float64) (SUT, error) {
	const op = "new SUT"
	n := len(labels)
	for _, m := range []struct {
		name string
		m    Matrix
	}{{"use", use}, {"supply", supply}} {
		if m.m.r != n || m.m.c != n {
			return SUT{}, fmt.Errorf("impact: %s: %s table is %d × %d for %d sections: %w", op, m.name, m.m.r, m.m.c, n, ErrShape)
		}
		if err := checkNonNeg(op, m.name, m.m); err != nil {
			return SUT{}, err
		}
	}
	if len(valueAdded) != n || len(compensation) != n {
		return SUT{}, fmt.Errorf("impact: %s: %d value added and %d compensation figures for %d sections: %w", op, len(valueAdded), len(compensation), n, ErrShape)
	}
	if err := checkVec(op, "value added", valueAdded); err != nil {
		return SUT{}, err
	}
	if err := checkVec(op, "compensation", compensation); err != nil {
		return SUT{}, err
	}
	s := SUT{labels: append([]string(nil), labels...), use: use, supply: supply,
		va: append([]float64(nil), valueAdded...), comp: append([]float64(nil), compensation...)}
	s.q, s.g = supply.RowSums(), supply.ColSums()
	s.fd = make([]float64, n)
	for i, u := range use.RowSums() {
		s.fd[i] = s.q[i] - u
		if s.fd[i] < -1e-9*math.Max(s.q[i], 1) {
			return SUT{}, fmt.Errorf("impact: %s: product %s is used %g but supplied %g: %w", op, labels[i], u, s.q[i], ErrBadValue)
		}
		s.fd[i] = math.Max(s.fd[i], 0)
	}
	var err error
	if s.bmat, err = Coefficients(use, s.g); err != nil {
		return SUT{}, fmt.Errorf("impact: %s: use: %w", op, err)
	}
	// D = V' q̂⁻¹: industry i's share of product p.
	s.dmat = Matrix{r: n, c: n, v: make([]float64, n*n)}
	for p := range n {
		for i := range n {
			if v := supply.v[p*n+i]; v != 0 {
				s.dmat.v[i*n+p] = v / s.q[p]
			}
		}
	}
	for j := range n {
		if s.g[j] == 0 && (valueAdded[j] != 0 || compensation[j] != 0) {
			return SUT{}, fmt.Errorf("impact: %s: industry %s has zero output but value added %g: %w", op, labels[j], valueAdded[j], ErrBadValue)
		}
	}
	return s, nil
}

// Labels returns the section labels of the products and industries.
func (s SUT) Labels() []string { return append([]string(nil), s.labels...) }

// Use returns the use of domestic output U_d, products × industries.
func (s SUT) Use() Matrix { return s.use }

// Supply returns the supply table V, products × industries.
func (s SUT) Supply() Matrix { return s.supply }

// ProductOutput returns q, the output of each product: the row sums of V.
func (s SUT) ProductOutput() []float64 { return append([]float64(nil), s.q...) }

// IndustryOutput returns g, the output of each industry: the column sums
// of V.
func (s SUT) IndustryOutput() []float64 { return append([]float64(nil), s.g...) }

// FinalDemand returns f_d, the final demand for domestic products
// (households, government, investment, exports): q − U_d·1.
func (s SUT) FinalDemand() []float64 { return append([]float64(nil), s.fd...) }

// ValueAdded returns each industry's gross value added.
func (s SUT) ValueAdded() []float64 { return append([]float64(nil), s.va...) }

// Compensation returns each industry's compensation of employees.
func (s SUT) Compensation() []float64 { return append([]float64(nil), s.comp...) }

// MarketShares returns D = V′q̂⁻¹, industries × products: the share of
// each product's output made by each industry. Final demand for products
// f becomes final demand for industries D·f.
func (s SUT) MarketShares() Matrix { return s.dmat }

// Coefficients returns the coefficient matrix A of the symmetric table
// under technology t: industry × industry for [FixedProductSales] (A =
// D·B), product × product for [IndustryTechnology] (A = B·D). An invalid t
// is an error wrapping [ErrBadValue].
func (s SUT) Coefficients(t Technology) (Matrix, error) {
	switch t {
	case FixedProductSales:
		return mul(s.dmat, s.bmat), nil
	case IndustryTechnology:
		return mul(s.bmat, s.dmat), nil
	}
	return Matrix{}, fmt.Errorf("impact: SUT coefficients: technology %d is unknown: %w", int(t), ErrBadValue)
}

// mul returns a·b (gonum), for conforming matrices.
func mul(a, b Matrix) Matrix {
	if a.r == 0 || b.c == 0 {
		return Matrix{}
	}
	var c mat.Dense
	c.Mul(toDense(a), toDense(b))
	return Matrix{r: a.r, c: b.c, v: c.RawMatrix().Data}
}

// Multipliers returns the type I multipliers of the symmetric table under
// technology t: [NewMultipliers] with L = (I − A)⁻¹ and, for
// [FixedProductSales], industry output, value added and compensation; for
// [IndustryTechnology], product output q and each product's value added
// and compensation under the industry technology assumption, (v̂ g)ᵀD
// with v the industries' value added per unit of output. Errors are those
// of [SUT.Coefficients], [Leontief] and [NewMultipliers].
func (s SUT) Multipliers(t Technology) (Multipliers, error) {
	a, err := s.Coefficients(t)
	if err != nil {
		return Multipliers{}, err
	}
	l, err := Leontief(a)
	if err != nil {
		return Multipliers{}, err
	}
	if t == FixedProductSales {
		return NewMultipliers(l, s.g, s.va, s.comp)
	}
	n := len(s.labels)
	va, comp := make([]float64, n), make([]float64, n)
	for p := range n {
		for i := range n {
			if s.g[i] > 0 {
				va[p] += s.va[i] / s.g[i] * s.dmat.v[i*n+p] * s.q[p]
				comp[p] += s.comp[i] / s.g[i] * s.dmat.v[i*n+p] * s.q[p]
			}
		}
	}
	return NewMultipliers(l, s.q, va, comp)
}

// Multipliers are the type I (open model: households outside) multipliers
// of an input–output table with Leontief inverse L, each per column
// (sector) j, as in Miller and Blair (2009), ch. 6:
//
//   - Output[j] = Σᵢ Lᵢⱼ: output in all sectors per unit of final demand
//     for j;
//   - ValueAdded[j] = Σᵢ vᵢLᵢⱼ, with vᵢ = value added / output: value added
//     in all sectors per unit of final demand for j;
//   - Compensation[j] = Σᵢ cᵢLᵢⱼ likewise for compensation of employees;
//   - ValueAddedTypeI[j] = ValueAdded[j] / vⱼ: value added in all sectors
//     per unit of value added made directly in j (NaN where vⱼ = 0);
//   - CompensationTypeI[j] = Compensation[j] / cⱼ (NaN where cⱼ = 0).
//
// The slices are the caller's to keep: [NewMultipliers] and
// [SUT.Multipliers] return new ones each time.
type Multipliers struct {
	Output            []float64 // Σᵢ Lᵢⱼ
	ValueAdded        []float64 // Σᵢ vᵢLᵢⱼ
	Compensation      []float64 // Σᵢ cᵢLᵢⱼ
	ValueAddedTypeI   []float64 // ValueAdded[j] / vⱼ
	CompensationTypeI []float64 // Compensation[j] / cⱼ
}

// NewMultipliers returns the type I multipliers of Leontief inverse l
// (n × n) for sectors with the given output, value added and compensation
// of employees (each of length n, in any one unit). A sector with zero
// output has zero coefficients, and its type I ratios are NaN.
//
// Errors wrap [ErrShape] (l not square, vectors not of length n) or
// [ErrBadValue] (a negative element of l; an output, value added or
// compensation that is negative, NaN or ±Inf; value added or compensation
// with zero output; each naming the sector and value).
func NewMultipliers(l Matrix, output, valueAdded, compensation []float64) (Multipliers, error) {
	const op = "multipliers"
	n := l.r
	if l.c != n {
		return Multipliers{}, fmt.Errorf("impact: %s: Leontief inverse is %d × %d, not square: %w", op, l.r, l.c, ErrShape)
	}
	if len(output) != n || len(valueAdded) != n || len(compensation) != n {
		return Multipliers{}, fmt.Errorf("impact: %s: %d outputs, %d value added, %d compensation for %d sectors: %w", op, len(output), len(valueAdded), len(compensation), n, ErrShape)
	}
	if err := checkNonNeg(op, "Leontief inverse", l); err != nil {
		return Multipliers{}, err
	}
	for _, v := range []struct {
		name string
		x    []float64
	}{{"output", output}, {"value added", valueAdded}, {"compensation", compensation}} {
		if err := checkVec(op, v.name, v.x); err != nil {
			return Multipliers{}, err
		}
	}
	vc, cc := make([]float64, n), make([]float64, n)
	for j := range n {
		if output[j] == 0 {
			if valueAdded[j] != 0 || compensation[j] != 0 {
				return Multipliers{}, fmt.Errorf("impact: %s: sector %d has zero output but value added %g and compensation %g: %w", op, j, valueAdded[j], compensation[j], ErrBadValue)
			}
			continue
		}
		vc[j], cc[j] = valueAdded[j]/output[j], compensation[j]/output[j]
	}
	m := Multipliers{Output: l.ColSums(), ValueAdded: make([]float64, n), Compensation: make([]float64, n),
		ValueAddedTypeI: make([]float64, n), CompensationTypeI: make([]float64, n)}
	for i := range n {
		for j := range n {
			x := l.v[i*n+j]
			m.ValueAdded[j] += vc[i] * x
			m.Compensation[j] += cc[i] * x
		}
	}
	for j := range n {
		m.ValueAddedTypeI[j], m.CompensationTypeI[j] = math.NaN(), math.NaN()
		if vc[j] > 0 {
			m.ValueAddedTypeI[j] = m.ValueAdded[j] / vc[j]
		}
		if cc[j] > 0 {
			m.CompensationTypeI[j] = m.Compensation[j] / cc[j]
		}
	}
	return m, nil
}
