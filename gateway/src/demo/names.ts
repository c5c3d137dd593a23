/** First names and surnames by language, for generated customers. */
export interface NamePool {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly last: readonly string[];
}

const SPANISH: NamePool = {
  female: ['María', 'Lucía', 'Paula', 'Carmen', 'Laura', 'Marta', 'Sara', 'Ana', 'Elena', 'Irene', 'Claudia', 'Alba', 'Nuria', 'Cristina', 'Raquel', 'Beatriz', 'Noelia', 'Inés', 'Julia', 'Rocío'],
  male: ['Javier', 'Carlos', 'Daniel', 'David', 'Pablo', 'Alejandro', 'Sergio', 'Jorge', 'Álvaro', 'Adrián', 'Diego', 'Miguel', 'Raúl', 'Iván', 'Rubén', 'Óscar', 'Marcos', 'Hugo', 'Mario', 'Andrés'],
  last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Serrano', 'Blanco', 'Molina', 'Castro', 'Ortega', 'Rubio'],
};

const CATALAN_SPANISH: NamePool = {
  female: ['Montserrat', 'Laia', 'Núria', 'Marta', 'Aina', 'Júlia', 'Mireia', 'Anna', 'Clara', 'Berta', 'Carla', 'Paula'],
  male: ['Jordi', 'Marc', 'Pau', 'Oriol', 'Arnau', 'Joan', 'Pere', 'Albert', 'Xavier', 'Jaume', 'Sergi', 'Pol'],
  last: ['Puig', 'Vidal', 'Soler', 'Ferrer', 'Roca', 'Serra', 'Font', 'Costa', 'Pujol', 'Vila', 'Mas', 'Casas', 'Martí', 'Sala', 'García', 'Martínez', 'López'],
};

const ENGLISH: NamePool = {
  female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Charlotte', 'Lily', 'Hannah', 'Chloe', 'Ella', 'Jessica', 'Lucy', 'Megan', 'Rachel', 'Eleanor', 'Harriet'],
  male: ['Oliver', 'George', 'Harry', 'Jack', 'Thomas', 'James', 'William', 'Charlie', 'Henry', 'Daniel', 'Samuel', 'Joseph', 'Edward', 'Benjamin', 'Alfie', 'Luke', 'Matthew', 'Adam'],
  last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Hughes', 'Clarke', 'Khan', 'Turner', 'Hill'],
};

const FRENCH: NamePool = {
  female: ['Emma', 'Louise', 'Chloé', 'Camille', 'Léa', 'Manon', 'Inès', 'Juliette', 'Zoé', 'Sarah', 'Clémence', 'Margaux', 'Élise', 'Anaïs', 'Pauline', 'Céline'],
  male: ['Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Théo', 'Nathan', 'Mathis', 'Antoine', 'Maxime', 'Julien', 'Nicolas', 'Étienne', 'Baptiste', 'Rémi'],
  last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Girard', 'Bonnet'],
};

const MEXICAN: NamePool = {
  female: ['Sofía', 'Valentina', 'Regina', 'Camila', 'Ximena', 'Fernanda', 'Daniela', 'Mariana', 'Guadalupe', 'Andrea', 'Renata', 'Paola', 'Itzel', 'Alejandra', 'Natalia', 'Gabriela'],
  male: ['Santiago', 'Mateo', 'Sebastián', 'Leonardo', 'Emiliano', 'Diego', 'José', 'Luis', 'Juan Pablo', 'Carlos', 'Rodrigo', 'Eduardo', 'Fernando', 'Alejandro', 'Ricardo', 'Iker'],
  last: ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz', 'Mendoza', 'Aguilar', 'Ortiz', 'Castillo'],
};

const AMERICAN: NamePool = {
  female: ['Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Abigail', 'Madison', 'Elizabeth', 'Ashley', 'Samantha', 'Nicole', 'Lauren', 'Rachel', 'Jennifer', 'Maya', 'Priya', 'Gabriela'],
  male: ['Liam', 'Noah', 'Ethan', 'Michael', 'Alexander', 'Jacob', 'Daniel', 'Matthew', 'Ryan', 'Tyler', 'Brandon', 'Christopher', 'Andrew', 'Joshua', 'Kevin', 'Nathan', 'Marcus', 'Carlos'],
  last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Martinez', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Lee', 'Walker', 'Kim', 'Nguyen', 'Cohen', 'Rivera', 'Chen', 'Murphy'],
};

/** The name pool of each home store. */
export const NAMES_BY_STORE: Readonly<Record<string, NamePool>> = {
  'madrid-gran-via': SPANISH,
  'barcelona-passeig-de-gracia': CATALAN_SPANISH,
  'london-oxford-street': ENGLISH,
  'paris-rivoli': FRENCH,
  'mexico-city-polanco': MEXICAN,
  'new-york-soho': AMERICAN,
};

/** `María José` → `mariajose`: ASCII, lower case, no spaces, for e-mail local parts. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
