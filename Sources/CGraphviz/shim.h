#ifndef IAMGRAPH_CGRAPHVIZ_SHIM_H
#define IAMGRAPH_CGRAPHVIZ_SHIM_H
// Typed, const-correct wrappers for the cgraph/gvc calls Swift cannot use directly:
// the graph descriptors are mutable C globals (refused by Swift 6 strict concurrency),
// and most entry points take `char *` for strings they only read.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

static inline Agraph_t *iamgraph_agopen_directed(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}
static inline Agraph_t *iamgraph_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}
static inline Agnode_t *iamgraph_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}
static inline Agnode_t *iamgraph_agsubnode(Agraph_t *g, Agnode_t *n) {
    return agsubnode(g, n, 1);
}
static inline Agedge_t *iamgraph_agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name) {
    return agedge(g, t, h, (char *)name, 1);
}
static inline int iamgraph_agsafeset(void *obj, const char *name, const char *value) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)"");
}
/// Sets an attribute to an HTML-like label value (`<...>` in DOT); the value is Graphviz's own HTML string.
static inline int iamgraph_agsafeset_html(Agraph_t *g, void *obj, const char *name, const char *html) {
    char *s = agstrdup_html(g, (char *)html);
    int rc = agsafeset(obj, (char *)name, s, (char *)"");
    agstrfree(g, s);
    return rc;
}
static inline int iamgraph_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
static inline int iamgraph_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}
/// Reads a DOT text into a graph (used to check that exported DOT parses back).
static inline Agraph_t *iamgraph_agmemread(const char *text) {
    return agmemread(text);
}
static inline int iamgraph_agnnodes(Agraph_t *g) { return agnnodes(g); }
static inline int iamgraph_agnedges(Agraph_t *g) { return agnedges(g); }
#endif
