/*
 * The fast paths that the staged duktape.c (engine/CMakeLists.txt) adds to
 * Duktape's property reads, property writes and variable lookups. The
 * stage includes this file inside duktape.c, just before
 * duk_hobject_getprop, where Duktape's internal types and functions are
 * known; each fast path answers a common case the way Duktape's own path
 * would, and leaves every other case to it. docs/engine.md has the cases
 * and the figures; tests/js/properties.js and tests/js/scopes.js check
 * them. Nothing of Duktape is copied here.
 */

/* Whether a property `key` (no array index) of `obj` is found by Duktape as
 * it is stored in the object's entry part: not on a Proxy, and not
 * `length` of an object with virtual properties (arrays, typed arrays,
 * String objects), whose value is computed. */
DUK_LOCAL duk_bool_t jsk__in_entry_part(duk_hthread *thr, duk_hobject *obj, duk_hstring *key) {
	return !DUK_HOBJECT_IS_PROXY(obj) &&
	       !(key == DUK_HTHREAD_STRING_LENGTH(thr) && DUK_HOBJECT_HAS_VIRTUAL_PROPERTIES(obj));
}

/* A property read (duk_hobject_getprop) of `key` from `obj`: looks the key
 * up in the entry parts along the prototype chain, as
 * duk__get_own_propdesc_raw would, and pushes the value (1) or undefined
 * when no object has it (0). -1: Duktape's path, for an array index,
 * `caller` (whose value gets a check), a Proxy, `length` with virtual
 * properties and an accessor met before a data property. */
DUK_LOCAL duk_small_int_t jsk__getprop_fast(duk_hthread *thr, duk_hobject *obj, duk_hstring *key) {
	duk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;
	if (DUK_HSTRING_HAS_ARRIDX(key) || key == DUK_HTHREAD_STRING_CALLER(thr)) {
		return -1;
	}
	do {
		duk_int_t e_idx, h_idx;
		if (!jsk__in_entry_part(thr, obj, key) || sanity-- == 0) {
			return -1;
		}
		if (duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx)) {
			if (DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx)) {
				return -1;
			}
			duk_push_tval(thr, DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx));
			return 1;
		}
		obj = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, obj);
	} while (obj != NULL);
	duk_push_undefined(thr);
	return 0;
}

/* A property write (duk_hobject_putprop) of `key` to `obj`: the slot of an
 * own writable data property, for the value to go straight into, or NULL
 * for Duktape's path (no such own property, where the chain may hold a
 * setter or a read-only one; an accessor; read-only; an array index;
 * `length` with virtual properties; a Proxy). */
DUK_LOCAL duk_tval *jsk__putprop_slot(duk_hthread *thr, duk_hobject *obj, duk_hstring *key) {
	duk_int_t e_idx, h_idx;
	if (DUK_HSTRING_HAS_ARRIDX(key) || !jsk__in_entry_part(thr, obj, key) ||
	    !duk_hobject_find_entry(thr->heap, obj, key, &e_idx, &h_idx) ||
	    DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, obj, e_idx) ||
	    !DUK_HOBJECT_E_SLOT_IS_WRITABLE(thr->heap, obj, e_idx)) {
		return NULL;
	}
	return DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, obj, e_idx);
}

/* A variable read (the executor's GETVAR and CSVAR) of `name` in the running
 * activation: where it is bound, when that is a function's variable (in a
 * register, or in a declarative environment a closure keeps) or an own
 * data property of the global object, walking the environments as
 * duk__get_identifier_reference does; NULL for anything else (a with
 * block's object, a global accessor), which takes
 * duk_js_getvar_activation. */
DUK_LOCAL duk_tval *jsk__getvar_fast(duk_hthread *thr, duk_activation *act, duk_hstring *name) {
	duk_hobject *env = act->lex_env;
	duk_uint_t sanity = DUK_HOBJECT_PROTOTYPE_CHAIN_SANITY;
	duk_tval *tv;
	if (env == NULL) {  /* not made yet: the function's own registers first */
		duk_hobject *func = DUK_ACT_GET_FUNC(act);
		duk_hobject *varmap;
		if (func == NULL || !DUK_HOBJECT_IS_COMPFUNC(func)) {
			return NULL;
		}
		varmap = duk_hobject_get_varmap(thr, func);
		if (varmap != NULL) {
			tv = duk_hobject_find_entry_tval_ptr(thr->heap, varmap, name);
			if (tv != NULL) {
				return (duk_tval *) (void *) ((duk_uint8_t *) thr->valstack + act->bottom_byteoff) +
				       (duk_size_t) DUK_TVAL_GET_NUMBER(tv);
			}
		}
		env = DUK_HCOMPFUNC_GET_LEXENV(thr->heap, (duk_hcompfunc *) func);
		if (env == NULL) {
			env = thr->builtins[DUK_BIDX_GLOBAL_ENV];
		}
	}
	while (env != NULL && sanity-- > 0) {
		if (DUK_HOBJECT_GET_CLASS_NUMBER(env) == DUK_HOBJECT_CLASS_DECENV) {
			duk_hdecenv *decenv = (duk_hdecenv *) env;
			duk_uint_t attrs;
			if (decenv->thread != NULL) {  /* open: its function's registers */
				tv = duk_hobject_find_entry_tval_ptr(thr->heap, decenv->varmap, name);
				if (tv != NULL) {
					return (duk_tval *) (void *) ((duk_uint8_t *) decenv->thread->valstack +
					                              decenv->regbase_byteoff +
					                              sizeof(duk_tval) * (duk_size_t) DUK_TVAL_GET_NUMBER(tv));
				}
			}
			tv = duk_hobject_find_entry_tval_ptr_and_attrs(thr->heap, env, name, &attrs);
			if (tv != NULL) {
				return tv;
			}
		} else {  /* an object environment: only the global object's own data */
			duk_hobject *target = ((duk_hobjenv *) env)->target;
			duk_int_t e_idx, h_idx;
			if (target != thr->builtins[DUK_BIDX_GLOBAL] || DUK_HOBJECT_IS_PROXY(target)) {
				return NULL;
			}
			if (duk_hobject_find_entry(thr->heap, target, name, &e_idx, &h_idx) &&
			    !DUK_HOBJECT_E_SLOT_IS_ACCESSOR(thr->heap, target, e_idx)) {
				return DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(thr->heap, target, e_idx);
			}
			return NULL;
		}
		env = DUK_HOBJECT_GET_PROTOTYPE(thr->heap, env);
	}
	return NULL;
}
