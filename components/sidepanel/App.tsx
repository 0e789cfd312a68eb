export function App() { return <h1>Levelmate</h1>; }
