/**
 * Website to root-domain and e-mail clean-up: the pure functions account and contact matching rely on (DESIGN.md
 * §1). Nothing here imports Spring except the {@code bench domains} command that measures it.
 */
@NullMarked
package com.goodfit.sync.domain;

import org.jspecify.annotations.NullMarked;
