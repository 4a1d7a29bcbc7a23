package impact

import "errors"

// Sentinel errors. Every error returned by this package wraps one of them
// (or an error of the workforce or estimate package it calls), so callers
// can branch with [errors.Is]; the message names the bad value.
var (
	// ErrBadValue: a number that is NaN, infinite, negative where it must
	// not be, or out of range, or an unknown enum value.
	ErrBadValue = errors.New("bad value")
	// ErrShape: matrices or slices whose sizes do not match.
	ErrShape = errors.New("shape mismatch")
	// ErrSingular: I − A is singular (or numerically so), so there is no
	// Leontief inverse.
	ErrSingular = errors.New("singular matrix")
	// ErrNotProductive: a coefficient matrix A whose spectral radius is 1
	// or more, which shows as a negative entry of (I − A)⁻¹: such an
	// economy cannot meet a positive final demand.
	ErrNotProductive = errors.New("not productive")
	// ErrNoData: the embedded data do not cover the request (such as a
	// year).
	ErrNoData = errors.New("no data")
	// ErrMissing: a cell that the source does not publish (wages for S, T
	// and U; GVA for U).
	ErrMissing = errors.New("missing cell")
)
