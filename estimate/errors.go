package estimate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
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
	// ErrUnsupported reports a combination the package does not compute,
	// such as a logarithmic pool of different families.
	ErrUnsupported = errors.New("unsupported")
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
type ParamError struct {
	Func   string  // the function, such as "Between"
	Param  string  // the parameter, such as "lo"
	Value  float64 // the bad value
	Reason string  // what is wrong, such as "must be > 0"
}

// Error returns a message such as
// "estimate: Between: lo = -3: must be > 0".
func (e *ParamError) Error() string {
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
