package server

import (
	"errors"
	"io"
	"net/http"
)

// ReadBody reads a request body of at most limit bytes, for the platform
// endpoints. Memory follows the bytes that arrive, never the declared
// Content-Length: a client that declares 60 kB and sends one must not cost
// 60 kB (3,000 such connections cost 150 MB). A declared length over the
// limit is refused without reading. On failure it returns the status and
// the reason a refusal is counted under: 413 "too_large" or 400
// "malformed".
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) (body []byte, status int, reason string) {
	var err error
	if r.ContentLength > limit {
		err = &http.MaxBytesError{Limit: limit}
	} else {
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, http.StatusRequestEntityTooLarge, "too_large"
	case err != nil:
		return nil, http.StatusBadRequest, "malformed"
	}
	return body, 0, ""
}
