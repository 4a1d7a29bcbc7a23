package workforce

import (
	"errors"
	"math"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them,
// so callers can branch with [errors.Is]; the message names the bad value.
var (
	// ErrUnknownCode: a classification code or table label that does not exist.
	ErrUnknownCode = errors.New("unknown code")
	// ErrBadValue: a number that is NaN, infinite, negative where it must
	// not be, or out of range.
	ErrBadValue = errors.New("bad value")
	// ErrShape: slices or tables whose sizes do not match.
	ErrShape = errors.New("shape mismatch")
	// ErrMissing: a table with missing (suppressed) cells where complete
	// data are needed.
	ErrMissing = errors.New("missing cell")
	// ErrInconsistent: target margins that do not agree with each other.
	ErrInconsistent = errors.New("inconsistent margins")
	// ErrInfeasible: no solution exists, such as a positive target for a
	// margin whose seed cells are all zero.
	ErrInfeasible = errors.New("infeasible")
	// ErrNotConverged: an iteration hit its limit before reaching the tolerance.
	ErrNotConverged = errors.New("not converged")
	// ErrNoData: the embedded data do not cover the request (such as a year).
	ErrNoData = errors.New("no data")
	// ErrSyntax: malformed CSV or JSON input.
	ErrSyntax = errors.New("syntax error")
	// ErrExceedsWorkforce: a scenario whose point total is more people
	// than the whole workforce, such as a share of 1 of the labour force
	// (which counts the unemployed too) or a total of 200 million. A
	// sector or a cell above its workforce is capped instead (see
	// [Headcount], "The workforce cap").
	ErrExceedsWorkforce = errors.New("more people leave than work there")
)

func finiteNonNeg(x float64) bool {
	return x >= 0 && !math.IsInf(x, 1) // false for NaN
}

// nested wraps err, an error of this package, under a further context,
// saying "workforce:" once: "workforce: headcounts: workforce row: parse
// sector …" rather than "…: workforce row: workforce: parse sector …".
type nested struct {
	prefix string // "workforce: headcounts: workforce row"
	err    error
}

func (e *nested) Error() string {
	return e.prefix + ": " + strings.TrimPrefix(e.err.Error(), "workforce: ")
}

func (e *nested) Unwrap() error { return e.err }

// nest returns err under the context prefix (which starts "workforce: "),
// without repeating the package name err's message starts with.
func nest(err error, prefix string) error { return &nested{prefix: prefix, err: err} }
