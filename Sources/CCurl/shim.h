#ifndef IAMGRAPH_CCURL_SHIM_H
#define IAMGRAPH_CCURL_SHIM_H
// Typed wrappers for libcurl's variadic curl_easy_setopt / curl_easy_getinfo, which Swift cannot import.
#include <curl/curl.h>

static inline CURLcode iamgraph_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode iamgraph_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode iamgraph_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode iamgraph_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*iamgraph_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode iamgraph_curl_setopt_callback(CURL *h, CURLoption o, iamgraph_curl_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode iamgraph_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode iamgraph_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
