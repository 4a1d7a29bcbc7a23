package finance

import "github.com/shopspring/decimal"

// Hooks for the external tests of the conversion arithmetic.

// ConvertValue is the arithmetic of every conversion: v×num/den rounded
// half to even to places, by the integer path where it applies.
var ConvertValue = convertValue

// ConvertValueDecimal is the same computation by the decimal path alone.
func ConvertValueDecimal(v, num, den decimal.Decimal, places int32) decimal.Decimal {
	return divRoundHalfEven(v.Mul(num), den, places)
}
