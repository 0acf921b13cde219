package score

import "math"

// maxAssignment returns the largest sum of w[i][σ(i)] over one-to-one
// assignments σ of rows to columns (the smaller side is matched fully;
// weights must be finite). It is the Kuhn–Munkres (Hungarian) algorithm
// with potentials, O(n²m) for n ≤ m, run as a minimisation of −w.
func maxAssignment(w [][]float64) float64 {
	n := len(w)
	if n == 0 || len(w[0]) == 0 {
		return 0
	}
	m := len(w[0])
	cost := func(i, j int) float64 { return -w[i][j] }
	if n > m {
		n, m = m, n
		cost = func(i, j int) float64 { return -w[j][i] }
	}
	rows := assign(n, m, cost)
	var sum float64
	for i, j := range rows {
		sum -= cost(i, j)
	}
	return sum
}

// assign solves the rectangular assignment problem for n ≤ m with the
// given cost, returning the column of each row. Rows and columns are
// 1-based inside (index 0 is the virtual start column), as in the classic
// formulation.
func assign(n, m int, cost func(i, j int) float64) []int {
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	p := make([]int, m+1)   // p[j]: row matched to column j (0: none)
	way := make([]int, m+1) // way[j]: previous column on the augmenting path
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0-1, j-1) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	rows := make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] > 0 {
			rows[p[j]-1] = j - 1
		}
	}
	return rows
}
