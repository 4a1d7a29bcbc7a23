//go:build race

package finance_test

const raceEnabled = true
