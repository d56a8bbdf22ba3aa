// Package reuse keeps things that are costly to make (buffers, compressors) for
// the next document to use.
//
// A List is a buffered channel, not a sync.Pool: the garbage collector empties a
// Pool at each cycle, which in a batch comes every plan or two, so most documents
// found a Pool empty and made their own. A List keeps up to its capacity for as
// long as the process runs.
package reuse

// List keeps up to cap(l) things. Make one with make(reuse.List[T], n).
type List[T any] chan T

// Get returns a kept thing, or a new one from make when none is kept.
func (l List[T]) Get(make func() T) T {
	select {
	case x := <-l:
		return x
	default:
		return make()
	}
}

// Put keeps x for a later Get, unless the list is full.
func (l List[T]) Put(x T) {
	select {
	case l <- x:
	default:
	}
}
