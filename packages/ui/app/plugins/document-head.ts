// The document's language, brand variables and title template, set for every page — also Nuxt's error
// page, which renders without app.vue (a not-found page needs a title and a lang like any other).
export default defineNuxtPlugin({
  name: 'dezky:document-head',
  dependsOn: ['i18n:plugin'],
  setup(nuxtApp) {
    const brand = useBrand()
    useHead({
      htmlAttrs: {
        lang: nuxtApp.$i18n.locale,
        style: () => brand.cssVars,
      },
      titleTemplate: title => (title
        ? `${title} · ${brand.productName}`
        : brand.productName),
    })
  },
})
