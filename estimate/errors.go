package estimate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Sentinel errors. Errors returned by this package wrap one of them; test
// with errors.Is.
var (
	// ErrInvalid reports a parameter that is NaN, infinite or outside its
	// allowed range. The error is a [*ParamError] naming the value.
	ErrInvalid = errors.New("invalid parameter")
	// ErrNoSpread reports a point estimate where a spread is required, as
	// when pooling: give the figure a range first (for example with
	// [Between]).
	ErrNoSpread = errors.New("estimate has no spread")
	// ErrNoOverlap reports a logarithmic pool of estimates that have no
	// value in common (such as Uniform(0, 1) and Uniform(2, 3)): their
	// product is zero everywhere.
	ErrNoOverlap = errors.New("estimates have no value in common")
	// ErrNotFinite reports a model output that is NaN or infinite. The
	// error is an [*OutputError] naming the draw and the output.
	ErrNotFinite = errors.New("model output is not finite")
	// ErrNotConverged reports an adaptive run that reached
	// [Options].MaxDraws before the tolerance. The result returned beside it
	// is valid; it only lacks the requested precision.
	ErrNotConverged = errors.New("adaptive run did not converge")
)

// A ParamError reports a bad parameter to a constructor or method. It wraps
// [ErrInvalid].
//
// Most problems are a bad number, and Value holds it. Some are not: a nil
// [Func], the zero Estimate where a valid one is needed, weights given to
// [InverseVariance], a missing field in JSON. For those Value is NaN and
// the message leaves the value out.
type ParamError struct {
	Func   string  // the function, such as "Between"
	Param  string  // the parameter, such as "lo" or "estimates[2]"
	Value  float64 // the bad value; NaN when the problem is not a number
	Reason string  // what is wrong, such as "must be > 0"

	noValue bool // the problem is not a numeric value: Error omits Value
}

// Error returns a message such as
// "estimate: Between: lo = -3: must be > 0", or, when the problem is not a
// number, "estimate: Run: f: must not be nil".
func (e *ParamError) Error() string {
	if e.noValue {
		return "estimate: " + e.Func + ": " + e.Param + ": " + e.Reason
	}
	return "estimate: " + e.Func + ": " + e.Param + " = " + strconv.FormatFloat(e.Value, 'g', -1, 64) + ": " + e.Reason
}

// Unwrap returns [ErrInvalid].
func (e *ParamError) Unwrap() error { return ErrInvalid }

// An OutputError reports a model output that is NaN or infinite. It wraps
// [ErrNotFinite]. Draw is the index of the first such draw (the smallest,
// whatever the number of workers).
type OutputError struct {
	Draw   int     // index of the draw, from 0
	Output int     // index of the output, from 0
	Value  float64 // NaN, +Inf or -Inf
}

// Error returns a message such as
// "estimate: draw 1234: output 3 = NaN: model output is not finite".
func (e *OutputError) Error() string {
	return fmt.Sprintf("estimate: draw %d: output %d = %v: %v", e.Draw, e.Output, e.Value, ErrNotFinite)
}

// Unwrap returns [ErrNotFinite].
func (e *OutputError) Unwrap() error { return ErrNotFinite }

func paramErr(fn, param string, v float64, reason string) error {
	return &ParamError{Func: fn, Param: param, Value: v, Reason: reason}
}

// paramProblem reports a parameter whose problem is not a numeric value,
// such as a nil function or the zero Estimate.
func paramProblem(fn, param, reason string) error {
	return &ParamError{Func: fn, Param: param, Value: math.NaN(), Reason: reason, noValue: true}
}

// notZeroEstimate is the reason given for the zero Estimate where a valid
// one is needed.
const notZeroEstimate = "must be a valid Estimate, not the zero Estimate"

// MaxMagnitude is the largest magnitude a parameter may have. Beyond it,
// variances and the products inside the formulas could overflow; no count
// or amount this package is for comes near it.
const MaxMagnitude = 1e150

// finite checks that each named value is finite and at most MaxMagnitude
// in magnitude.
func finite(fn string, kv ...any) error {
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1].(float64)
		if isBad(v) {
			return paramErr(fn, kv[i].(string), v, "must be finite")
		}
		if math.Abs(v) > MaxMagnitude {
			return paramErr(fn, kv[i].(string), v, "magnitude must be ≤ 1e150")
		}
	}
	return nil
}

// nested wraps err, which may come from this package, under a further
// context, saying "estimate:" once.
type nested struct {
	prefix string // "estimate: Composition.UnmarshalJSON: ranges[0]"
	err    error
}

func (e *nested) Error() string {
	return e.prefix + ": " + strings.TrimPrefix(e.err.Error(), "estimate: ")
}

func (e *nested) Unwrap() error { return e.err }
