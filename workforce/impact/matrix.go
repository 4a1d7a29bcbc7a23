package impact

import (
	"fmt"
	"math"
	"slices"
)

// A Matrix is an immutable dense matrix of float64, stored by rows. It is
// the package's own type so that gonum, which does the linear algebra
// inside, stays out of the API.
//
// The zero Matrix is the empty 0 × 0 matrix. A Matrix is a small value
// (two ints and a slice it never modifies): copy it freely; it is safe for
// concurrent use.
type Matrix struct {
	r, c int
	v    []float64
}

// NewMatrix returns the matrix with the given rows, which must all have
// the same length and hold finite numbers. It copies the values. No rows,
// or rows of length 0, give the empty matrix. Errors wrap [ErrShape]
// (ragged rows) or [ErrBadValue] (NaN or ±Inf, naming the cell).
func NewMatrix(rows [][]float64) (Matrix, error) {
	if len(rows) == 0 || len(rows[0]) == 0 {
		for i, r := range rows {
			if len(r) != 0 {
				return Matrix{}, fmt.Errorf("impact: new matrix: row %d has %d values, row 0 has 0: %w", i, len(r), ErrShape)
			}
		}
		return Matrix{}, nil
	}
	c := len(rows[0])
	v := make([]float64, 0, len(rows)*c)
	for i, r := range rows {
		if len(r) != c {
			return Matrix{}, fmt.Errorf("impact: new matrix: row %d has %d values, row 0 has %d: %w", i, len(r), c, ErrShape)
		}
		for j, x := range r {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return Matrix{}, fmt.Errorf("impact: new matrix: cell (%d, %d) is %v: %w", i, j, x, ErrBadValue)
			}
		}
		v = append(v, r...)
	}
	return Matrix{r: len(rows), c: c, v: v}, nil
}

// MustNewMatrix is like [NewMatrix] but panics on error. It is meant for
// literals in tests and examples.
func MustNewMatrix(rows [][]float64) Matrix {
	m, err := NewMatrix(rows)
	if err != nil {
		panic(err)
	}
	return m
}

// Dims returns the numbers of rows and columns.
func (m Matrix) Dims() (rows, cols int) { return m.r, m.c }

// At returns the element in row i, column j, counting from 0. It panics if
// i or j is out of range, like a slice index.
func (m Matrix) At(i, j int) float64 {
	if i < 0 || i >= m.r || j < 0 || j >= m.c {
		panic(fmt.Sprintf("impact: Matrix.At(%d, %d) out of range for %d × %d", i, j, m.r, m.c))
	}
	return m.v[i*m.c+j]
}

// Rows returns a copy of the elements, one slice per row.
func (m Matrix) Rows() [][]float64 {
	out := make([][]float64, m.r)
	for i := range out {
		out[i] = slices.Clone(m.v[i*m.c : (i+1)*m.c])
	}
	return out
}

// RowSums returns the sum of each row.
func (m Matrix) RowSums() []float64 {
	s := make([]float64, m.r)
	for i := range m.r {
		for _, x := range m.v[i*m.c : (i+1)*m.c] {
			s[i] += x
		}
	}
	return s
}

// ColSums returns the sum of each column.
func (m Matrix) ColSums() []float64 {
	s := make([]float64, m.c)
	for i := range m.r {
		for j, x := range m.v[i*m.c : (i+1)*m.c] {
			s[j] += x
		}
	}
	return s
}

// MulVec returns m·x. The error wraps [ErrShape] when len(x) is not the
// number of columns.
func (m Matrix) MulVec(x []float64) ([]float64, error) {
	if len(x) != m.c {
		return nil, fmt.Errorf("impact: %d × %d matrix times a vector of length %d: %w", m.r, m.c, len(x), ErrShape)
	}
	y := make([]float64, m.r)
	for i := range m.r {
		var s float64
		for j, a := range m.v[i*m.c : (i+1)*m.c] {
			s += a * x[j]
		}
		y[i] = s
	}
	return y, nil
}

// String prints the matrix one row a line, with %g.
func (m Matrix) String() string {
	b := []byte{}
	for i := range m.r {
		b = append(b, '[')
		for j := range m.c {
			if j > 0 {
				b = append(b, ' ')
			}
			b = fmt.Appendf(b, "%g", m.v[i*m.c+j])
		}
		b = append(b, "]\n"...)
	}
	return string(b)
}
